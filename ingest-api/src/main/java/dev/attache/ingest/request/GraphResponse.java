package dev.attache.ingest.request;

import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.StreamingOutput;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an endpoint answers, before it is written to an HTTP response or into a {@code $batch} response.
 *
 * @param status the HTTP status
 * @param contentType the body's media type, or null without a body
 * @param contentLength the body's length when known in advance, else -1
 * @param headers further headers ({@code Location}, {@code Content-Disposition}…), in order
 * @param body writes the body, or null for none
 * @param release what to do once the body was written or will never be (a spooled echo to delete), or null
 */
public record GraphResponse(int status, String contentType, long contentLength, Map<String, String> headers,
        StreamingOutput body, Runnable release) {

    /** Graph's JSON media type, on every JSON response. */
    public static final String JSON = "application/json;odata.metadata=minimal;odata.streaming=true;"
            + "IEEE754Compatible=false;charset=utf-8";

    /** As Quarkus writes entities: null properties included, as Graph shows them. */
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public GraphResponse {
        headers = new LinkedHashMap<>(headers);
    }

    public static GraphResponse json(int status, StreamingOutput body) {
        return new GraphResponse(status, JSON, -1, Map.of(), body, null);
    }

    /** A JSON body Jackson writes from {@code value} (a map or a record). */
    public static GraphResponse json(int status, Object value) {
        return json(status, (OutputStream out) -> {
            try {
                MAPPER.writeValue(out, value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public static GraphResponse empty(int status) {
        return new GraphResponse(status, null, -1, Map.of(), null, null);
    }

    public static GraphResponse of(int status, String contentType, long contentLength, StreamingOutput body) {
        return new GraphResponse(status, contentType, contentLength, Map.of(), body, null);
    }

    public GraphResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new GraphResponse(status, contentType, contentLength, more, body, release);
    }

    public GraphResponse withHeaders(Map<String, String> extra) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.putAll(extra);
        return new GraphResponse(status, contentType, contentLength, more, body, release);
    }

    public GraphResponse releasing(Runnable then) {
        return new GraphResponse(status, contentType, contentLength, headers, body, then);
    }

    /** Runs {@link #release}, if any. */
    public void released() {
        if (release != null) {
            release.run();
        }
    }
}
