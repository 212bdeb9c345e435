package dev.attache.local.cli;

import dev.attache.local.jwt.DevIdentity;
import dev.attache.local.logging.StackLogging;
import dev.attache.local.process.ParentWatch;
import dev.attache.local.s3.S3Credentials;
import dev.attache.local.stack.DataDirLock;
import dev.attache.local.stack.ReadyFile;
import dev.attache.local.stack.RunningStack;
import dev.attache.local.stack.Service;
import dev.attache.local.stack.StackEndpoints;
import dev.attache.local.stack.StackLauncher;
import dev.attache.local.stack.StackLayout;
import dev.attache.local.stack.StackOptions;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code attache up}: starts the stack, prints where it is, and runs until Ctrl-C (or its parent exits). */
@Command(name = "up", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Start Kafka (KRaft) and S3 (S3Proxy) in this JVM, create the topics, the bucket and the"
                + " signing keys, then run processor and ingest-api as child JVMs. Ports of 0 mean any free port.")
final class UpCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(UpCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption dataDir;

    @Option(names = "--services", paramLabel = "LIST", split = ",", converter = ServiceConverter.class,
            defaultValue = "kafka,s3,processor,ingest-api",
            description = "What to start, comma-separated (default: ${DEFAULT-VALUE}).")
    List<Service> services;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "9092",
            description = "Kafka client port (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--s3-port", paramLabel = "PORT", defaultValue = "9000",
            description = "S3 port (default: ${DEFAULT-VALUE}).")
    int s3Port;

    @Option(names = "--processor-port", paramLabel = "PORT", defaultValue = "8081",
            description = "processor HTTP port (default: ${DEFAULT-VALUE}).")
    int processorPort;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080",
            description = "ingest-api HTTP port (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "6",
            description = "Partitions of each topic when it is created (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--bucket", paramLabel = "NAME", defaultValue = "attache",
            description = "S3 bucket to create (default: ${DEFAULT-VALUE}).")
    String bucket;

    @Option(names = "--s3-access-key", paramLabel = "KEY", defaultValue = S3Credentials.DEV_ACCESS_KEY,
            description = "Access key the S3 server accepts (default: ${DEFAULT-VALUE}).")
    String s3AccessKey;

    @Option(names = "--s3-secret-key", paramLabel = "SECRET", defaultValue = S3Credentials.DEV_SECRET_KEY,
            description = "Its secret: a fixed, public dev value by default; never use it on a real store.")
    String s3SecretKey;

    @Option(names = "--issuer", paramLabel = "URL", defaultValue = DevIdentity.ISSUER,
            description = "JWT issuer ingest-api accepts (default: ${DEFAULT-VALUE}).")
    String issuer;

    @Option(names = "--ready-timeout", paramLabel = "DURATION", defaultValue = "PT2M",
            description = "How long each app may take to become ready, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration readyTimeout;

    @Option(names = "--ready-file", paramLabel = "FILE",
            description = "Write the endpoints and credentials as a properties file once everything is ready.")
    Path readyFile;

    @Option(names = "--app-setting", paramLabel = "NAME=VALUE",
            description = "An environment variable for both apps, e.g. ATTACHE_SWEEP_EVERY=1M (repeatable).")
    Map<String, String> appSettings = new LinkedHashMap<>();

    @Option(names = "--exit-with-parent",
            description = "Shut down when the parent process exits (for test suites that start the stack).")
    boolean exitWithParent;

    @Override
    public Integer call() throws Exception {
        StackOptions options = options();
        try {
            options.requireAppsBuilt();
        } catch (IllegalStateException e) {
            spec.commandLine().getErr().println("attache up: " + e.getMessage());
            return 1;
        }
        if (readyFile != null) {
            Files.deleteIfExists(readyFile);
        }

        RunningStack stack = new RunningStack();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(stack), "attache-shutdown"));
        if (exitWithParent) {
            ParentWatch.exitWithParent();
        }
        StackLayout layout = options.layout();
        try {
            StackLogging.toFile(layout.stackLog());
            stack.add("data dir lock", DataDirLock.acquire(layout.dataDir()));
            // an app that cannot be brought back ends everything, with a non-zero exit (the shutdown hook stops it all)
            StackEndpoints endpoints = new StackLauncher(options, stack, () -> System.exit(1)).launch();
            // what it runs, for `attache sweep` and friends; removed when it stops
            ReadyFile.write(layout.stackFile(), endpoints);
            stack.add("stack file", () -> Files.deleteIfExists(layout.stackFile()));
            if (readyFile != null) {
                ReadyFile.write(readyFile, endpoints);
                Path written = readyFile;
                stack.add("ready file", () -> Files.deleteIfExists(written));
            }
            Duration elapsed = Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime());
            StartupSummary.print(spec.commandLine().getOut(), endpoints, layout, elapsed, tokenCommand(layout));
        } catch (Exception e) {
            if (stack.isClosing()) {
                return 130; // interrupted: the shutdown hook is stopping what had started
            }
            LOG.warn("start-up failed", e);
            spec.commandLine().getErr().println("attache up failed: " + describe(e));
            spec.commandLine().getErr().println("(details in " + layout.stackLog() + ")");
            stack.close();
            return 1;
        }
        stack.awaitStopped();
        return 0;
    }

    private StackOptions options() {
        try {
            return new StackOptions(AttacheHome.dir(), dataDir.layout(),
                    services.isEmpty() ? EnumSet.noneOf(Service.class) : EnumSet.copyOf(services),
                    kafkaPort, s3Port, processorPort, httpPort, partitions, bucket, "us-east-1",
                    new S3Credentials(s3AccessKey, s3SecretKey), issuer, readyTimeout, appSettings);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private String tokenCommand(StackLayout layout) {
        StringBuilder command = new StringBuilder("./attache token");
        if (!dataDir.isDefault()) {
            command.append(" --data-dir ").append(layout.dataDir());
        }
        if (!DevIdentity.ISSUER.equals(issuer)) {
            command.append(" --issuer ").append(issuer);
        }
        return command.toString();
    }

    private void stop(RunningStack stack) {
        if (!stack.isClosing()) {
            spec.commandLine().getErr().println("attache: stopping");
        }
        try {
            stack.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            StackLogging.stop();
        }
    }

    /** The messages of {@code e} and its causes, each only if it adds something to the ones before. */
    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
            if (!text.toString().contains(message)) {
                text.append(text.length() == 0 ? "" : "; ").append(message);
            }
        }
        return text.toString();
    }
}
