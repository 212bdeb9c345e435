package dev.attache.local.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One of the Quarkus apps, running as a child JVM of {@code attache up}. */
public final class ChildApp implements AutoCloseable {

    /** Kafka Streams commits and closes its tasks on SIGTERM; give it time before killing. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final AppLaunch launch;
    private final Process process;
    private volatile boolean stopping;

    private ChildApp(AppLaunch launch, Process process) {
        this.launch = launch;
        this.process = process;
    }

    /** Starts {@code java -jar launch.jar()} with this JVM's java; the previous log is kept as {@code .1}. */
    public static ChildApp start(AppLaunch launch) throws IOException {
        Files.createDirectories(launch.logFile().getParent());
        if (Files.exists(launch.logFile())) {
            Files.move(launch.logFile(), launch.logFile().resolveSibling(launch.logFile().getFileName() + ".1"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-jar", launch.jar().toString()))
                .directory(launch.jar().getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(launch.logFile().toFile());
        builder.environment().putAll(launch.environment());
        return new ChildApp(launch, builder.start());
    }

    public AppLaunch launch() {
        return launch;
    }

    /**
     * Completes with the exit code when the process ends without having been asked to stop ({@link #requestStop}):
     * a crash, a kill from outside. Never completes for a stop this side asked for.
     */
    public CompletableFuture<Integer> unexpectedExit() {
        return process.onExit().thenCompose(exited -> stopping ? new CompletableFuture<>()
                : CompletableFuture.completedFuture(exited.exitValue()));
    }

    /** The app's process id, for tools that observe it (the benchmark reads its memory). */
    public long pid() {
        return process.pid();
    }

    /** Waits until the app reports ready; on failure the message ends with the tail of its log. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        try {
            new ReadinessProbe().await(process, launch.baseUrl(), timeout);
        } catch (TimeoutException | IllegalStateException e) {
            throw new IllegalStateException(launch.name() + " " + e.getMessage() + "; last lines of "
                    + launch.logFile() + ":" + System.lineSeparator() + LogTail.of(launch.logFile(), 40), e);
        }
    }

    /** Sends SIGTERM without waiting, so several apps can shut down at the same time. */
    public void requestStop() {
        stopping = true;
        process.destroy();
    }

    /** SIGTERM, up to {@link #STOP_GRACE} for a clean shutdown, then SIGKILL. */
    @Override
    public void close() throws InterruptedException {
        requestStop();
        if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
