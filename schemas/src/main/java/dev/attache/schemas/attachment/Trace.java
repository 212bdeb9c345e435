package dev.attache.schemas.attachment;

/**
 * The ids the client saw on its response: what ties a line of the audit trail to a client's own logs and to
 * support requests. Optional (added in v1): a processor must be upgraded before the fronts that send it.
 *
 * @param requestId the {@code request-id} the front assigned
 * @param clientRequestId the {@code client-request-id} answered (the client's own, or the request id)
 */
public record Trace(String requestId, String clientRequestId) {
}
