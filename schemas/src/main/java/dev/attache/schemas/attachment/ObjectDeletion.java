package dev.attache.schemas.attachment;

/**
 * A request to delete a stored payload (topic {@code object-deletions}, keyed by the object key; schema
 * {@code object-deletion.v1.json}). The processor writes it in the same transaction as the decision that let the
 * object go, and deletes the object only once that transaction has committed (reading {@code read_committed}): never
 * an object whose record a retried transaction would still keep, never an S3 call inside the transaction.
 *
 * @param reason {@link #REJECTED}, {@link #REPEATED}, {@link #ATTACHMENT_DELETED}, {@link #EVENT_DELETED} or
 *     {@link #SESSION_ENDED}
 * @param uploadId when set, the request is to abort this S3 multipart upload of {@code object.key} (an upload
 *     session's) rather than to delete an object; {@code object.length} and {@code object.sha256} mean nothing then
 */
public record ObjectDeletion(int schemaVersion, String tenantId, String attachmentId, ObjectRef object,
        String reason, String uploadId) {

    public static final int SCHEMA_VERSION = 1;
    /** The processor refused the attachment its command added. */
    public static final String REJECTED = "rejected";
    /** The command repeated a create already made (same key, or an SDK retry): its copy of the payload goes. */
    public static final String REPEATED = "repeated";
    /** The attachment was deleted. */
    public static final String ATTACHMENT_DELETED = "attachment-deleted";
    /** The attachment's event was deleted. */
    public static final String EVENT_DELETED = "event-deleted";
    /** An upload session was cancelled, expired, or refused its last slice: its leftovers go. */
    public static final String SESSION_ENDED = "session-ended";

    /** Deletes {@code object}. */
    public static ObjectDeletion of(String tenantId, String attachmentId, ObjectRef object, String reason) {
        return new ObjectDeletion(SCHEMA_VERSION, tenantId, attachmentId, object, reason, null);
    }
}
