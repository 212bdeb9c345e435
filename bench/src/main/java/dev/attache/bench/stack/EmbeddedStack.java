package dev.attache.bench.stack;

import dev.attache.local.cli.AttacheHome;
import dev.attache.local.jwt.DevIdentity;
import dev.attache.local.jwt.TokenMinter;
import dev.attache.local.jwt.TokenRequest;
import dev.attache.local.logging.StackLogging;
import dev.attache.local.s3.S3Credentials;
import dev.attache.local.stack.DataDirLock;
import dev.attache.local.stack.RunningStack;
import dev.attache.local.stack.Service;
import dev.attache.local.stack.StackEndpoints;
import dev.attache.local.stack.StackLauncher;
import dev.attache.local.stack.StackLayout;
import dev.attache.local.stack.StackOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

/**
 * The whole local stack (broker, S3 server, processor, ingest-api) on free ports and in a data directory of its
 * own, so a benchmark neither needs nor touches a running {@code attache up}; the directory, with every object and
 * record the run wrote, is deleted on {@link #close()}.
 */
public final class EmbeddedStack implements AutoCloseable {

    private static final Duration TOKEN_TTL = Duration.ofHours(4);

    private final Path dataDir;
    private final RunningStack running;
    private final Deployment deployment;

    private EmbeddedStack(Path dataDir, RunningStack running, Deployment deployment) {
        this.dataDir = dataDir;
        this.running = running;
        this.deployment = deployment;
    }

    /** @param partitions of each topic, as {@code attache up --partitions} */
    public static EmbeddedStack start(int partitions) throws Exception {
        Path dataDir = Files.createTempDirectory("attache-bench-");
        StackLayout layout = new StackLayout(dataDir);
        StackOptions options = new StackOptions(AttacheHome.dir(), layout, EnumSet.allOf(Service.class),
                0, 0, 0, 0, partitions, "attache", "us-east-1", S3Credentials.DEV, DevIdentity.ISSUER,
                Duration.ofMinutes(2));
        options.requireAppsBuilt();
        Files.createDirectories(layout.logs());
        StackLogging.toFile(layout.stackLog());
        RunningStack running = new RunningStack();
        try {
            running.add("data dir lock", DataDirLock.acquire(dataDir));
            StackLauncher launcher = new StackLauncher(options, running);
            StackEndpoints endpoints = launcher.launch();
            String token = new TokenMinter(endpoints.signingKeys().privateKey(), Clock.systemUTC())
                    .mint(withTtl(TokenRequest.delegatedDefaults(), TOKEN_TTL));
            Deployment deployment = new Deployment("embedded (attache up on this machine, data in a temp dir)",
                    URI.create(endpoints.graphBaseUrl()), token, endpoints.s3Endpoint(),
                    endpoints.s3Credentials().accessKey(), endpoints.s3Credentials().secretKey(),
                    endpoints.region(), endpoints.bucket(), endpoints.kafkaBootstrapServers(),
                    launcher.pid(Service.INGEST_API), true);
            return new EmbeddedStack(dataDir, running, deployment);
        } catch (Exception | Error e) {
            running.close();
            deleteRecursively(dataDir);
            throw e;
        }
    }

    public Deployment deployment() {
        return deployment;
    }

    /** Where the apps' and the servers' logs are, for a run that went wrong. */
    public Path logs() {
        return new StackLayout(dataDir).logs();
    }

    @Override
    public void close() throws Exception {
        try {
            running.close();
        } finally {
            StackLogging.stop();
            deleteRecursively(dataDir);
        }
    }

    private static TokenRequest withTtl(TokenRequest request, Duration ttl) {
        return new TokenRequest(request.appOnly(), request.issuer(), request.tenantId(), request.objectId(),
                request.upn(), request.permissions(), request.appId(), ttl, List.copyOf(request.groups()));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
