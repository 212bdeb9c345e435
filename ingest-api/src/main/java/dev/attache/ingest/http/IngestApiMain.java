package dev.attache.ingest.http;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the application after handing URI validation to {@link RequestShape}. Quarkus checks every request target
 * with {@code java.net.URI} before any route and refuses a bad one with an empty {@code 400}, which the Graph SDKs
 * cannot read; {@code vertx.disableURIValidation} turns that check off, and {@code RequestShape} makes the same one
 * and answers in Graph's envelope. It is a system property read once when the HTTP server starts, so it is set here,
 * before {@link Quarkus#run}. ({@code @QuarkusTest} does not run this class: the build sets it for the tests.)
 */
@QuarkusMain
public final class IngestApiMain {

    static final String URI_VALIDATION = "vertx.disableURIValidation";

    private IngestApiMain() {
    }

    public static void main(String... args) {
        System.setProperty(URI_VALIDATION, "true");
        Quarkus.run(args);
    }
}
