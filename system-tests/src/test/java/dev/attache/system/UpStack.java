package dev.attache.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.attache.local.jwt.SigningKeys;
import dev.attache.local.jwt.TokenMinter;
import dev.attache.local.jwt.TokenRequest;
import dev.attache.local.stack.StackLayout;

/**
 * {@code ./attache up} as a user runs it, a process of its own on a data directory of its own, every port chosen
 * free; and the CLI's other commands run against it the same way.
 */
final class UpStack implements AutoCloseable {

    static final Path HOME = Path.of(System.getProperty("attache.home", "..")).toAbsolutePath().normalize();
    static final Path CLI = HOME.resolve("deploy/local/target/attache-local.jar");

    final Path dataDir;
    Process up;

    UpStack() throws Exception {
        this.dataDir = Files.createTempDirectory("attache-up-");
    }

    /** Starts {@code up} on the data dir; answers the ready file's properties. */
    Properties start() throws Exception {
        return start(java.util.Map.of());
    }

    /** Starts {@code up} with {@code environment} added to its own (and so to its apps'). */
    Properties start(java.util.Map<String, String> environment) throws Exception {
        Path ready = dataDir.resolve("ready.properties");
        Files.deleteIfExists(ready);
        ProcessBuilder builder = new ProcessBuilder(command("up", "--kafka-port", "0", "--s3-port", "0",
                "--processor-port", "0", "--http-port", "0", "--partitions", "3", "--ready-file", ready.toString()));
        builder.environment().putAll(environment);
        up = builder
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("up.out").toFile()))
                .start();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> Files.exists(ready) || !up.isAlive());
        assertThat(up.isAlive()).as("up is running").isTrue();
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(ready)) {
            properties.load(in);
        }
        return properties;
    }

    /** {@code java -jar attache-local.jar COMMAND --data-dir D ARGS…}. */
    List<String> command(String command, String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> line = new ArrayList<>(List.of(java, "-Dattache.home=" + HOME, "-jar", CLI.toString(), command,
                "--data-dir", dataDir.toString()));
        line.addAll(List.of(args));
        return line;
    }

    /** A dev user's token from the data dir's issuer. */
    String token() throws Exception {
        return token(TokenRequest.delegatedDefaults());
    }

    /** A token from the data dir's issuer saying what {@code request} says. */
    String token(TokenRequest request) throws Exception {
        SigningKeys keys = SigningKeys.loadOrCreate(new StackLayout(dataDir).jwt());
        return new TokenMinter(keys.privateKey(), Clock.systemUTC()).mint(request);
    }

    Pipeline pipeline(Properties ready) throws Exception {
        return new Pipeline(ready.getProperty("ingest.url") + "/v1.0", token());
    }

    @Override
    public void close() throws Exception {
        if (up != null && up.isAlive()) {
            up.destroy();
            up.waitFor(60, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
