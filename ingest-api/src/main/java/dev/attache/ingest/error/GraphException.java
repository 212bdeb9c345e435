package dev.attache.ingest.error;

import java.util.Map;

import dev.attache.schemas.graph.GraphErrorCodes;

/**
 * A request that ends in a Graph error: the HTTP status, the Graph error code and a message for the client. Thrown
 * anywhere in request handling; {@link GraphExceptionMappers} renders it in the Graph envelope.
 */
public class GraphException extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, String> headers;

    public GraphException(int status, String code, String message) {
        this(status, code, message, Map.of(), null);
    }

    public GraphException(int status, String code, String message, Map<String, String> headers, Throwable cause) {
        super(message, cause, false, false);
        this.status = status;
        this.code = code;
        this.headers = headers;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Extra response headers, such as {@code Retry-After} or {@code WWW-Authenticate}. */
    public Map<String, String> headers() {
        return headers;
    }

    public static GraphException badRequest(String message) {
        return new GraphException(400, GraphErrorCodes.BAD_REQUEST, message);
    }

    public static GraphException invalidRequest(String message) {
        return new GraphException(400, GraphErrorCodes.INVALID_REQUEST, message);
    }

    public static GraphException malformedId() {
        return new GraphException(400, GraphErrorCodes.INVALID_ID_MALFORMED, "Id is malformed.");
    }

    public static GraphException notFound(String message) {
        return new GraphException(404, GraphErrorCodes.RESOURCE_NOT_FOUND, message);
    }

    /** Nothing was appended: the client may safely retry, and is told when. */
    public static GraphException unavailable(String message, int retryAfterSeconds, Throwable cause) {
        return new GraphException(503, GraphErrorCodes.SERVICE_UNAVAILABLE, message,
                Map.of("Retry-After", Integer.toString(retryAfterSeconds)), cause);
    }
}
