package dev.attache.local.stack;

import dev.attache.local.jwt.ServiceKeys;
import dev.attache.local.jwt.SigningKeys;
import dev.attache.local.kafka.AccessProvisioner;
import dev.attache.local.kafka.EmbeddedKafka;
import dev.attache.local.kafka.KafkaCredentials;
import dev.attache.local.kafka.TopicProvisioner;
import dev.attache.local.net.FreePort;
import dev.attache.local.process.AppLaunch;
import dev.attache.local.process.ChildApp;
import dev.attache.local.process.ChildApps;
import dev.attache.local.process.RestartPolicy;
import dev.attache.local.s3.EmbeddedS3;
import dev.attache.schemas.kafka.KafkaAccess;
import dev.attache.schemas.kafka.TopicSpec;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Starts what {@link StackOptions} asks for, in dependency order, handing every started part to a
 * {@link RunningStack} so that a failure or Ctrl-C at any point stops exactly what is running.
 */
public final class StackLauncher {

    private final StackOptions options;
    private final RunningStack stack;
    private final Runnable onAppLost;
    private final Map<Service, ChildApp> apps = new EnumMap<>(Service.class);
    private ChildApps children;
    private EmbeddedKafka kafka;
    private EmbeddedS3 s3;

    /** @param onAppLost what ends everything when an app cannot be brought back (see {@link ChildApps}) */
    public StackLauncher(StackOptions options, RunningStack stack, Runnable onAppLost) {
        this.options = options;
        this.stack = stack;
        this.onAppLost = onAppLost;
    }

    public StackEndpoints launch() throws Exception {
        StackLayout layout = options.layout();
        Files.createDirectories(layout.logs());
        SigningKeys keys = SigningKeys.loadOrCreate(layout.jwt());
        ServiceKeys serviceKeys = ServiceKeys.loadOrCreate(layout.serviceJwt());
        SigningKeys auditKeys = SigningKeys.loadOrCreate(layout.auditSigning(), SigningKeys.Algorithm.Ed25519);
        KafkaCredentials kafkaCredentials = KafkaCredentials.loadOrCreate(layout.secrets());

        // S3 starts on another thread while the broker starts here: on two cores that saves about a second.
        CompletableFuture<EmbeddedS3> s3Start = options.wants(Service.S3)
                ? CompletableFuture.supplyAsync(this::startS3)
                : CompletableFuture.completedFuture(null);
        try {
            kafka = options.wants(Service.KAFKA) ? startKafka(kafkaCredentials) : null;
        } catch (Exception | Error e) {
            s3Start.thenAccept(StackLauncher::closeQuietly);
            throw e;
        }
        s3 = join(s3Start);
        if (s3 != null) {
            stack.add("S3", s3);
        }

        int processorPort = FreePort.orPick(options.processorPort());
        int httpPort = FreePort.orPick(options.httpPort());
        StackEndpoints endpoints = new StackEndpoints(
                kafka == null ? null : kafka.bootstrapServers(), kafkaCredentials, serviceKeys,
                s3 == null ? null : s3.endpoint(),
                options.s3Credentials(), options.bucket(), options.region(), options.issuer(), keys, auditKeys,
                options.wants(Service.PROCESSOR) ? "http://127.0.0.1:" + processorPort : null,
                options.wants(Service.INGEST_API) ? "http://127.0.0.1:" + httpPort : null);

        List<AppLaunch> launches = new ArrayList<>();
        if (options.wants(Service.PROCESSOR)) {
            launches.add(new AppLaunch(Service.PROCESSOR.cliName(), options.appJar(Service.PROCESSOR), processorPort,
                    with(AppEnvironment.processor(endpoints, layout, processorPort)), layout.appLog(Service.PROCESSOR)));
        }
        if (options.wants(Service.INGEST_API)) {
            launches.add(new AppLaunch(Service.INGEST_API.cliName(), options.appJar(Service.INGEST_API), httpPort,
                    with(AppEnvironment.ingestApi(endpoints, httpPort)), layout.appLog(Service.INGEST_API)));
        }
        startApps(launches);
        return endpoints;
    }

    /** {@code environment} with the options' app settings on top. */
    private Map<String, String> with(Map<String, String> environment) {
        Map<String, String> merged = new LinkedHashMap<>(environment);
        merged.putAll(options.appSettings());
        return merged;
    }

    /** The broker this launcher started (in this JVM), or null; tests stop and start it to see the apps cope. */
    public EmbeddedKafka kafka() {
        return kafka;
    }

    /** The S3 server this launcher started (in this JVM), or null. */
    public EmbeddedS3 s3() {
        return s3;
    }

    /** The process id of an app this launcher started, as it runs now. */
    public OptionalLong pid(Service app) {
        return children == null ? OptionalLong.empty() : children.pid(app.cliName());
    }

    private EmbeddedKafka startKafka(KafkaCredentials credentials) throws Exception {
        EmbeddedKafka started;
        try {
            started = EmbeddedKafka.start(options.layout().kafka(), options.kafkaPort(), credentials);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not start on port " + options.kafkaPort(), e);
        }
        EmbeddedKafka kafka = stack.add("Kafka", started);
        // users and ACLs first: the topics are then created by the same admin the apps cannot be
        new AccessProvisioner(kafka.provisioningConfig()).provision(credentials, KafkaAccess.apps());
        new TopicProvisioner(kafka.provisioningConfig()).provision(TopicSpec.all(options.partitions()));
        return kafka;
    }

    private EmbeddedS3 startS3() {
        try {
            return EmbeddedS3.start(options.layout().s3(), options.s3Port(), options.s3Credentials(), options.bucket());
        } catch (Exception e) {
            throw new CompletionException(new IllegalStateException("S3 did not start on port " + options.s3Port(), e));
        }
    }

    /** Both apps start at once (they do not need each other to boot), then each is awaited. */
    private void startApps(List<AppLaunch> launches) throws Exception {
        if (launches.isEmpty()) {
            return;
        }
        children = stack.add("apps", new ChildApps(RestartPolicy.DEFAULT, options.readyTimeout(), System.err,
                onAppLost, Clock.systemUTC()));
        for (AppLaunch launch : launches) {
            ChildApp app = children.start(launch);
            apps.put(Service.fromCliName(launch.name()), app);
        }
        for (ChildApp app : apps.values()) {
            app.awaitReady(options.readyTimeout());
        }
    }

    private static <T> T join(CompletableFuture<T> future) throws Exception {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                System.err.println("attache: " + e);
            }
        }
    }
}
