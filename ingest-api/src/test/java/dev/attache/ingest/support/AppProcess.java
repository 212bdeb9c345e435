package dev.attache.ingest.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A packaged Quarkus app of this repository running as a child process, ready once its readiness check says so. */
public final class AppProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final int port;
    private final Path log;

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts {@code jar} on a free port with {@code env} and waits (bounded) until it is ready. */
    public static AppProcess start(Path jar, Map<String, String> env, Duration timeout) throws IOException {
        int port = freePort();
        Path log = Files.createTempFile(jar.getParent().getParent().getFileName() + "-", ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        AppProcess app = new AppProcess(builder.start(), port, log);
        Instant deadline = Instant.now().plus(timeout);
        while (!app.ready()) {
            if (!app.process.isAlive() || Instant.now().isAfter(deadline)) {
                String output = Files.readString(log);
                app.close();
                throw new IllegalStateException(jar + " did not get ready:\n" + output);
            }
            try {
                app.process.waitFor(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        return app;
    }

    /** Waits (bounded) until the app at {@code url} reports ready. */
    public static void awaitReady(String url, Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (!ready(url)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(url + " did not get ready in " + timeout);
            }
            try {
                Thread.sleep(200); // polling a readiness probe: the condition, bounded by the deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    boolean ready() {
        return ready(url());
    }

    static boolean ready(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** {@code kill -9}: the process dies where it stands, nothing of it runs on. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
