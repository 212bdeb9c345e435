package dev.attache.schemas.attachment;

/**
 * What lets the processor recognise a create it has seen before (docs/architecture.md, "Idempotent creates"): the
 * client's {@code Idempotency-Key}, or the Graph SDK's own retry ({@code Retry-Attempt} with the same
 * {@code client-request-id} and body). Every value the decision reads is here, in the command, so a replay of the log
 * decides as the first run did.
 *
 * @param key the client's {@code Idempotency-Key} (1–255 printable ASCII characters), or null
 * @param clientRequestId the {@code client-request-id} the client sent, or null
 * @param retryAttempt the {@code Retry-Attempt} the client sent, 0 when none
 * @param fingerprint lower-case hex SHA-256 of the method, the route and the body's content
 * @param receivedAt when ingest-api received the request, epoch milliseconds of its clock: what retention and the
 *     retry window are measured in
 * @param heldMillis how long ingest-api held the request before appending the command (one machine's monotonic
 *     clock): the append time minus this is when the request began, on the broker's clock
 * @param keyRetentionMillis how long a key is remembered from this request on
 * @param retryWindowMillis how long this request is recognised as the original of an SDK retry
 */
public record Idempotency(String key, String clientRequestId, int retryAttempt, String fingerprint, long receivedAt,
        long heldMillis, long keyRetentionMillis, long retryWindowMillis) {

    /** The longest key the header may carry (draft-ietf-httpapi-idempotency-key-header leaves it to the server). */
    public static final int MAX_KEY_LENGTH = 255;
    /** The longest retention a command may ask for; the processor refuses a command asking for more. */
    public static final long MAX_RETENTION_MILLIS = 7L * 24 * 3600 * 1000;
}
