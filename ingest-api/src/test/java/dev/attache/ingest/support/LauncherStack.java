package dev.attache.ingest.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;


/**
 * The default stack: a KRaft Kafka broker, an S3 server (S3Proxy) and the packaged processor, started by the same
 * launcher as {@code ./attache up} in a child JVM. The launcher exits with the test JVM even if this JVM is killed.
 */
final class LauncherStack {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private static Process launcher;
    private static Path dataDir;

    private LauncherStack() {
    }

    static Properties start() {
        Path home = Path.of(System.getProperty("attache.home", "..")).toAbsolutePath().normalize();
        Path jar = home.resolve("deploy/local/target/attache-local.jar");
        Path processor = home.resolve("processor/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar) || !Files.exists(processor)) {
            throw new IllegalStateException("Build the launcher and the processor first (" + jar + ", " + processor
                    + "): run the reactor, ./mvnw verify, from the repository root");
        }
        try {
            dataDir = Files.createTempDirectory("attache-it-");
            Path readyFile = dataDir.resolve("ready.properties");
            Path output = dataDir.resolve("launcher.out");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            launcher = new ProcessBuilder(List.of(java, "-Dattache.home=" + home, "-jar", jar.toString(), "up",
                    "--services", "kafka,s3,processor", "--kafka-port", "0", "--s3-port", "0",
                    "--processor-port", "0", "--partitions", "3", "--data-dir", dataDir.toString(),
                    "--ready-file", readyFile.toString(), "--exit-with-parent"))
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(LauncherStack::shutdown, "embedded-stack-stop"));
            Instant deadline = Instant.now().plus(START_TIMEOUT);
            while (!Files.exists(readyFile)) {
                if (!launcher.isAlive()) {
                    throw new IllegalStateException("The embedded stack exited with " + launcher.exitValue() + ":\n"
                            + tail(output));
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("The embedded stack was not ready in " + START_TIMEOUT + ":\n"
                            + tail(output));
                }
                launcher.waitFor(100, TimeUnit.MILLISECONDS);
            }
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(readyFile)) {
                properties.load(in);
            }
            return properties;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded stack", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void shutdown() {
        if (launcher != null && launcher.isAlive()) {
            launcher.destroy();
            try {
                if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
                    launcher.destroyForcibly();
                }
            } catch (InterruptedException e) {
                launcher.destroyForcibly();
            }
        }
        if (dataDir != null) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp dir left behind is harmless
            }
        }
    }

    private static String tail(Path output) {
        try {
            List<String> lines = Files.readAllLines(output);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }
}
