package dev.attache.system;

import dev.attache.local.jwt.SigningKeys;
import dev.attache.local.jwt.TokenMinter;
import dev.attache.local.jwt.TokenRequest;
import dev.attache.local.logging.StackLogging;
import dev.attache.local.s3.S3Credentials;
import dev.attache.local.stack.RunningStack;
import dev.attache.local.stack.Service;
import dev.attache.local.stack.StackEndpoints;
import dev.attache.local.stack.StackLauncher;
import dev.attache.local.stack.StackLayout;
import dev.attache.local.stack.StackOptions;
import dev.attache.schemas.kafka.KafkaAccess;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The whole stack as {@code ./attache up} runs it — the same {@link StackLauncher} — with the broker and the S3 server
 * in this JVM, so a test can stop and start them, and the supervised apps as child processes a test can kill. Every
 * part is real: the apps talk to the broker and S3 over sockets, with the credentials {@code up} gives them.
 */
final class FaultStack implements AutoCloseable {

    /** The name prefix that makes ingest-api halt after an upload (its fault-injection hook). */
    static final String HALT = "halt-after-upload-";

    private final Path dataDir;
    private final RunningStack running;
    private final StackLauncher launcher;
    private final StackEndpoints endpoints;
    private final AtomicBoolean gaveUp;

    private FaultStack(Path dataDir, RunningStack running, StackLauncher launcher, StackEndpoints endpoints,
            AtomicBoolean gaveUp) {
        this.dataDir = dataDir;
        this.running = running;
        this.launcher = launcher;
        this.endpoints = endpoints;
        this.gaveUp = gaveUp;
    }

    static FaultStack start() throws Exception {
        Path home = Path.of(System.getProperty("attache.home", "..")).toAbsolutePath().normalize();
        Path dataDir = Files.createTempDirectory("attache-faults-");
        StackLayout layout = new StackLayout(dataDir);
        Files.createDirectories(layout.logs());
        StackLogging.toFile(layout.stackLog());
        StackOptions options = new StackOptions(home, layout, EnumSet.allOf(Service.class), 0, 0, 0, 0, 3,
                "attache", "us-east-1", S3Credentials.DEV, "https://attache.local/issuer", Duration.ofMinutes(2),
                Map.of("ATTACHE_INGEST_FAULT_INJECTION_HALT_AFTER_UPLOAD_OF", HALT,
                        // a sweep only when asked, so the test sees what the faults left before it runs; no grace
                        // beyond the append slack, which alone keeps every object whose command may still come
                        "ATTACHE_SWEEP_EVERY", "off",
                        "ATTACHE_SWEEP_GRACE", "1S"));
        options.requireAppsBuilt();
        RunningStack running = new RunningStack();
        AtomicBoolean gaveUp = new AtomicBoolean();
        StackLauncher launcher = new StackLauncher(options, running, () -> gaveUp.set(true));
        try {
            StackEndpoints endpoints = launcher.launch();
            return new FaultStack(dataDir, running, launcher, endpoints, gaveUp);
        } catch (Exception | Error e) {
            running.close();
            throw e;
        }
    }

    StackLauncher launcher() {
        return launcher;
    }

    /** Whether the supervisor gave up on an app (it would have ended {@code up}). */
    boolean gaveUp() {
        return gaveUp.get();
    }

    String graphBase() {
        return endpoints.graphBaseUrl();
    }

    String processorUrl() {
        return endpoints.processorUrl();
    }

    /** A dev token of a user of its own, as {@code ./attache token --user} mints it. */
    String tokenForNewUser(String tenant, String oid) throws Exception {
        SigningKeys keys = SigningKeys.loadOrCreate(new StackLayout(dataDir).jwt());
        TokenRequest d = TokenRequest.delegatedDefaults();
        return new TokenMinter(keys.privateKey(), Clock.systemUTC()).mint(new TokenRequest(false, d.issuer(),
                tenant, oid, oid + "@attache.local", d.permissions(), d.appId(), Duration.ofHours(1), List.of()));
    }

    /** The process of a supervised app, as it runs now (a restart gives it another). */
    ProcessHandle process(Service app) {
        return ProcessHandle.of(launcher.pid(app).orElseThrow()).orElseThrow();
    }

    MinioClient s3() {
        return MinioClient.builder().endpoint(endpoints.s3Endpoint().toString())
                .credentials(S3Credentials.DEV.accessKey(), S3Credentials.DEV.secretKey()).region("us-east-1").build();
    }

    /** The keys of the objects under {@code prefix}. */
    List<String> objectKeys(String prefix) throws Exception {
        List<String> keys = new ArrayList<>();
        for (Result<Item> item : s3().listObjects(ListObjectsArgs.builder().bucket("attache").prefix(prefix)
                .recursive(true).build())) {
            keys.add(item.get().objectName());
        }
        return keys;
    }

    /** The admin's Kafka client settings. */
    Map<String, Object> kafkaAdmin() {
        return launcher.kafka().clientConfig(KafkaAccess.ADMIN);
    }

    /** The service key's private half and id: what signs a call to the processor's internal API. */
    StackEndpoints endpoints() {
        return endpoints;
    }

    @Override
    public void close() throws Exception {
        try {
            running.close();
        } finally {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
