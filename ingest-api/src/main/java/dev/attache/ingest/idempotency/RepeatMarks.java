package dev.attache.ingest.idempotency;

import java.util.Optional;

import dev.attache.ingest.error.GraphException;
import dev.attache.ingest.request.GraphRequest;
import dev.attache.schemas.attachment.Idempotency;
import dev.attache.schemas.graph.GraphErrorCodes;

/**
 * What in a create request lets a repeat of it be recognised: the client's {@code Idempotency-Key}
 * (draft-ietf-httpapi-idempotency-key-header), its own {@code client-request-id} and the SDK's {@code Retry-Attempt}.
 *
 * @param key the key, or null
 * @param clientRequestId the {@code client-request-id} the client sent, or null
 * @param retryAttempt the {@code Retry-Attempt}, 0 when absent or unreadable
 * @param receivedAt when the request arrived, by {@link IdempotencySettings}' clock (epoch milliseconds)
 * @param receivedNanos {@link System#nanoTime()} then: how long the request is held before its command's append
 */
public record RepeatMarks(String key, String clientRequestId, int retryAttempt, long receivedAt, long receivedNanos) {

    public static final String KEY_HEADER = "Idempotency-Key";
    public static final String RETRY_ATTEMPT_HEADER = "Retry-Attempt";

    /**
     * The marks of {@code request}, arrived at {@code receivedAt}; an unusable key is refused before anything is read
     * or stored.
     */
    static RepeatMarks of(GraphRequest request, long receivedAt) {
        return new RepeatMarks(key(request.header(KEY_HEADER)).orElse(null), request.ids().sentClientRequestId(),
                retryAttempt(request.header(RETRY_ATTEMPT_HEADER)), receivedAt, System.nanoTime());
    }

    /** Whether anything can recognise a repeat of this request: without either, it is never deduplicated. */
    public boolean recognisable() {
        return key != null || clientRequestId != null;
    }

    /**
     * The key as sent: an RFC 8941 string ({@code "…"}, as the draft writes it) or, as most clients send it, the bare
     * characters; 1 to {@value Idempotency#MAX_KEY_LENGTH} printable ASCII characters either way.
     */
    static Optional<String> key(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String key = header.strip();
        if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
            key = unquote(key.substring(1, key.length() - 1));
        }
        if (key == null || key.isEmpty() || key.length() > Idempotency.MAX_KEY_LENGTH
                || !key.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) {
            throw new GraphException(400, GraphErrorCodes.BAD_REQUEST, "The Idempotency-Key header must be 1 to "
                    + Idempotency.MAX_KEY_LENGTH + " printable ASCII characters, optionally as a quoted string.");
        }
        return Optional.of(key);
    }

    /** An RFC 8941 string's content: {@code \"} and {@code \\} escaped, nothing else; null when malformed. */
    private static String unquote(String quoted) {
        StringBuilder out = new StringBuilder(quoted.length());
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            if (c == '\\') {
                if (i + 1 == quoted.length() || quoted.charAt(i + 1) != '"' && quoted.charAt(i + 1) != '\\') {
                    return null;
                }
                c = quoted.charAt(++i);
            } else if (c == '"') {
                return null;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The SDK counts its retries from 1; anything unreadable counts as a first attempt, never as a retry. */
    static int retryAttempt(String header) {
        if (header == null || header.isBlank() || header.strip().length() > 9) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(header.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
