package dev.attache.schemas.attachment;

/**
 * A request to delete a stored payload (topic {@code object-deletions}, keyed by the object key; schema
 * {@code object-deletion.v1.json}). The processor writes it in the same transaction as the decision that let the
 * object go, and deletes the object only once that transaction has committed (reading {@code read_committed}): never
 * an object whose record a retried transaction would still keep, never an S3 call inside the transaction.
 *
 * @param reason {@link #REJECTED}, {@link #REPEATED}, {@link #ATTACHMENT_DELETED} or {@link #EVENT_DELETED}
 */
public record ObjectDeletion(int schemaVersion, String tenantId, String attachmentId, ObjectRef object,
        String reason) {

    public static final int SCHEMA_VERSION = 1;
    /** The processor refused the attachment its command added. */
    public static final String REJECTED = "rejected";
    /** The command repeated a create already made (same key, or an SDK retry): its copy of the payload goes. */
    public static final String REPEATED = "repeated";
    /** The attachment was deleted. */
    public static final String ATTACHMENT_DELETED = "attachment-deleted";
    /** The attachment's event was deleted. */
    public static final String EVENT_DELETED = "event-deleted";
}
