package dev.attache.bench.stack;

import dev.attache.local.cli.AttacheHome;
import dev.attache.local.jwt.SigningKeys;
import dev.attache.local.jwt.TokenMinter;
import dev.attache.local.jwt.TokenRequest;
import dev.attache.local.stack.StackLayout;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole local stack, started as {@code attache up} in a process of its own (so the load generator's CPU is its
 * own, and each part's CPU can be read apart), on free ports and in a data directory of its own: a benchmark neither
 * needs nor touches a running {@code attache up}. The directory, with every object and record the run wrote, is
 * deleted on {@link #close()}.
 */
public final class EmbeddedStack implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(45);
    private static final Duration TOKEN_TTL = Duration.ofHours(4);

    private final Path dataDir;
    private final Process up;
    private final Deployment deployment;

    private EmbeddedStack(Path dataDir, Process up, Deployment deployment) {
        this.dataDir = dataDir;
        this.up = up;
        this.deployment = deployment;
    }

    /** @param partitions of each topic, as {@code attache up --partitions} */
    public static EmbeddedStack start(int partitions) throws Exception {
        Path home = AttacheHome.dir();
        Path cli = home.resolve("deploy/local/target/attache-local.jar");
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException(cli + " is missing: build first with `./mvnw -DskipTests package`");
        }
        Path dataDir = Files.createTempDirectory("attache-bench-");
        Path readyFile = dataDir.resolve("ready.properties");
        Path log = dataDir.resolve("up.log");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process up = new ProcessBuilder(List.of(java.toString(), "-Dattache.home=" + home, "-jar", cli.toString(), "up",
                "--data-dir", dataDir.toString(), "--kafka-port", "0", "--s3-port", "0", "--processor-port", "0",
                "--http-port", "0", "--partitions", Integer.toString(partitions),
                "--ready-file", readyFile.toString(), "--exit-with-parent"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            Properties ready = awaitReady(up, readyFile, log);
            SigningKeys keys = SigningKeys.loadOrCreate(new StackLayout(dataDir).jwt());
            String token = new TokenMinter(keys.privateKey(), Clock.systemUTC())
                    .mint(withTtl(TokenRequest.delegatedDefaults(), TOKEN_TTL));
            Map<String, Long> processes = new LinkedHashMap<>();
            child(up, Deployment.INGEST_API).ifPresent(pid -> processes.put(Deployment.INGEST_API, pid));
            child(up, "processor").ifPresent(pid -> processes.put(Deployment.PROCESSOR, pid));
            processes.put("Kafka + S3", up.pid());
            Deployment deployment = new Deployment("embedded (attache up on this machine, data in a temp dir)",
                    URI.create(ready.getProperty("ingest.url").replace("127.0.0.1", "localhost") + "/v1.0"), token,
                    URI.create(ready.getProperty("s3.endpoint")), ready.getProperty("s3.access-key"),
                    ready.getProperty("s3.secret-key"), ready.getProperty("s3.region"), ready.getProperty("s3.bucket"),
                    adminClient(ready), processes, true);
            return new EmbeddedStack(dataDir, up, deployment);
        } catch (Exception | Error e) {
            stop(up);
            deleteRecursively(dataDir);
            throw e;
        }
    }

    /** The stack's Kafka admin (SCRAM), as its ready file gives it: the raw baseline creates a topic of its own. */
    static Map<String, Object> adminClient(Properties ready) {
        return Map.of("bootstrap.servers", ready.getProperty("kafka.bootstrap.servers"),
                "security.protocol", ready.getProperty("kafka.security.protocol"),
                "sasl.mechanism", ready.getProperty("kafka.sasl.mechanism"),
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                        + ready.getProperty("kafka.admin.username") + "\" password=\""
                        + ready.getProperty("kafka.admin.password") + "\";");
    }

    public Deployment deployment() {
        return deployment;
    }

    @Override
    public void close() throws Exception {
        try {
            stop(up);
        } finally {
            deleteRecursively(dataDir);
        }
    }

    private static Properties awaitReady(Process up, Path readyFile, Path log)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!Files.exists(readyFile)) {
            if (!up.isAlive()) {
                throw new IllegalStateException("attache up exited with " + up.exitValue() + ":\n" + tail(log));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the stack was not ready in " + START_TIMEOUT + ":\n" + tail(log));
            }
            up.waitFor(100, TimeUnit.MILLISECONDS); // polls the file another process writes; returns early on exit
        }
        Properties ready = new Properties();
        try (InputStream in = Files.newInputStream(readyFile)) {
            ready.load(in);
        }
        return ready;
    }

    /** The app {@code up} started as a child JVM, found by the jar it runs. */
    private static Optional<Long> child(Process up, String app) {
        return up.toHandle().children()
                .filter(child -> child.info().commandLine().orElse("").contains(app + "/target/quarkus-app"))
                .map(ProcessHandle::pid)
                .findFirst();
    }

    private static void stop(Process up) throws InterruptedException {
        up.destroy(); // SIGTERM: up stops the apps, then the servers
        if (!up.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            up.descendants().forEach(ProcessHandle::destroyForcibly);
            up.destroyForcibly();
            up.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static TokenRequest withTtl(TokenRequest request, Duration ttl) {
        return new TokenRequest(request.appOnly(), request.issuer(), request.tenantId(), request.objectId(),
                request.upn(), request.permissions(), request.appId(), ttl, List.copyOf(request.groups()));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
