package dev.attache.local.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Asks a child Quarkus app's readiness endpoint ({@code /q/health/ready}) until it answers 200. */
final class ReadinessProbe {

    static final String PATH = "/q/health/ready";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    private static final long RETRY_AFTER_MILLIS = 250;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();

    /**
     * Returns once {@code baseUrl + PATH} answers 200; fails as soon as {@code process} exits, or when
     * {@code timeout} has passed.
     */
    void await(Process process, String baseUrl, Duration timeout) throws InterruptedException, TimeoutException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + PATH)).timeout(REQUEST_TIMEOUT).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("exited with code " + process.exitValue() + " before it was ready");
            }
            if (isReady(request)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("not ready after " + timeout.toSeconds() + " s (" + baseUrl + PATH + ")");
            }
            // Pause between polls by waiting for the process to exit: an early death ends the wait at once.
            try {
                process.onExit().get(RETRY_AFTER_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                // poll again
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private boolean isReady(HttpRequest request) throws InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }
}
