package dev.attache.ingest.request;

import java.util.UUID;
import java.util.regex.Pattern;

import dev.attache.schemas.attachment.Trace;

/**
 * The ids Graph puts on every response: a new {@code request-id}, and the client's {@code client-request-id} echoed
 * (or the request id when the client sent none or an unusable one).
 *
 * @param sentClientRequestId the client's own {@code client-request-id} when it sent a usable one, else null: what
 *     recognises a retry of the same request ({@code Retry-Attempt}), which a generated id never can
 */
public record RequestIds(String requestId, String clientRequestId, String sentClientRequestId) {

    // Echoed into a header and a JSON body: keep it to a safe, bounded alphabet.
    private static final Pattern ECHOABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** New ids for a request whose {@code client-request-id} header was {@code sent} (or null). */
    public static RequestIds assign(String sent) {
        String requestId = UUID.randomUUID().toString();
        boolean usable = sent != null && ECHOABLE.matcher(sent).matches();
        return new RequestIds(requestId, usable ? sent : requestId, usable ? sent : null);
    }

    /** The ids as the audit trail keeps them. */
    public Trace trace() {
        return new Trace(requestId, clientRequestId);
    }

    /** For a failure outside any request the service saw whole. */
    public static RequestIds unknown() {
        return new RequestIds(UUID.randomUUID().toString(), null, null);
    }
}
