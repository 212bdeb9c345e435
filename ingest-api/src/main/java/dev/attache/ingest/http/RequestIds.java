package dev.attache.ingest.http;

import java.util.UUID;
import java.util.regex.Pattern;

import io.vertx.ext.web.RoutingContext;

/**
 * The ids Graph puts on every response: a new {@code request-id}, and the client's {@code client-request-id} echoed
 * (or the request id when the client sent none or an unusable one).
 */
public record RequestIds(String requestId, String clientRequestId) {

    static final String KEY = RequestIds.class.getName();
    // Echoed into a header and a JSON body: keep it to a safe, bounded alphabet.
    private static final Pattern ECHOABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    static RequestIds assign(RoutingContext rc) {
        String requestId = UUID.randomUUID().toString();
        String sent = rc.request().getHeader("client-request-id");
        RequestIds ids = new RequestIds(requestId,
                sent != null && ECHOABLE.matcher(sent).matches() ? sent : requestId);
        rc.put(KEY, ids);
        return ids;
    }

    /** The ids of the request {@code rc} is handling. */
    public static RequestIds of(RoutingContext rc) {
        RequestIds ids = rc == null ? null : rc.get(KEY);
        return ids != null ? ids : new RequestIds(UUID.randomUUID().toString(), null);
    }
}
