package dev.attache.schemas.attachment;

/**
 * A read of an event's attachments from the processor's state ({@code POST /internal/attachments/query}): all of
 * them ({@code attachmentId} null: one prefix scan of the event's range) or one. Answered {@code 200} with
 * {@code {"value":[AttachmentRecord…]}}, or the {@code ReplyError} of the same access rules that decide writes
 * ({@code 404}, {@code 403}), or {@code 503} while the store is not queryable. Any instance answers; it forwards to
 * the one that holds the event's partition.
 */
public record AttachmentQuery(String tenantId, String eventId, String attachmentId, Route route, Principal principal) {

    public static final String PATH = "/internal/attachments/query";
}
