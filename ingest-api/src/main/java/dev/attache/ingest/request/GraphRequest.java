package dev.attache.ingest.request;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.attache.ingest.auth.Caller;

/**
 * One Graph request as the endpoints see it, whether it came over HTTP or as an item of a {@code $batch}: so both run
 * the same code, and nothing below the HTTP layer knows about Vert.x.
 *
 * @param method the HTTP method, upper case
 * @param baseUrl where clients reach this service ({@code scheme://host:port}), for {@code @odata.context} and
 *     {@code Location}
 * @param path the raw path, still percent-encoded, starting at the version ({@code /v1.0/me/events/…})
 * @param query the query parameters, decoded once
 * @param headers the request headers, by name in any case (a batch item's from its {@code headers} object)
 * @param caller who is asking, from the verified token (a batch item's is the batch's)
 * @param ids the request's {@code request-id} and {@code client-request-id}
 * @param body the body, or an empty stream
 */
public record GraphRequest(String method, String baseUrl, String path, Map<String, List<String>> query,
        Map<String, String> headers, Caller caller, RequestIds ids, InputStream body) {

    public GraphRequest {
        TreeMap<String, String> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseless.putAll(headers);
        headers = caseless;
        query = Map.copyOf(query);
    }

    /** The value of header {@code name}, or null. */
    public String header(String name) {
        return headers.get(name);
    }
}
