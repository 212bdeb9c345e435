package dev.attache.bench.pipeline;

/** A response other than the one a successful request gets: counted as an error, its first words kept. */
public final class UnexpectedResponseException extends RuntimeException {

    public UnexpectedResponseException(int status, String body) {
        super("HTTP " + status + ": " + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
    }
}
