package dev.attache.schemas.audit;

import dev.attache.schemas.attachment.AttachmentRecord;
import dev.attache.schemas.attachment.Principal;
import dev.attache.schemas.attachment.ReplyError;
import dev.attache.schemas.attachment.Route;
import dev.attache.schemas.attachment.Trace;

/**
 * One line of the audit trail (topic {@code attachment-audit}, schema {@code audit-entry.v1.json}): what the processor
 * decided for one command, or did on its own (an event deleted by its system of record). Timers write no entries:
 * when a stream-time timer fires depends on when a task last started, which a replay cannot reproduce (an upload
 * session's expiry is in the entry that opened it).
 * Metadata and hashes only, never content, so it can be kept forever and still honour erasure. A function of the
 * input record alone: a replay of the log writes the same entries, byte for byte. Each entry's serialized bytes are
 * a leaf of its partition's Merkle tree ({@link TreeHashes#leaf}).
 *
 * @param action the command's type, or {@link #EVENT_REMOVED}
 * @param outcome the reply's outcome ({@code created}, {@code deleted}, {@code rejected}, {@code advanced}, …)
 * @param repeat the request was a repeat answered with the first one's outcome (a duplicate, an idempotent retry)
 * @param actor who asked; null for what the service did on its own
 * @param route where the client addressed the event (the API version included); null when no client did
 * @param trace the client-visible request ids, when the front sent them
 * @param loggedAt ISO-8601 UTC (milliseconds) log-append time of the input record
 * @param source the input record
 * @param error why the command was refused, when it was
 * @param attachment the attachment as created or deleted (its metadata and hash), when one was
 */
public record AuditEntry(int schemaVersion, String action, String outcome, boolean repeat, String tenantId,
        String eventId, String attachmentId, String sessionId, Actor actor, Route route, Trace trace, String loggedAt,
        Source source, ReplyError error, Facts attachment) {

    public static final int SCHEMA_VERSION = 1;
    /** A system of record deleted the event (a tombstone on {@code calendar-events}): its attachments went with it. */
    public static final String EVENT_REMOVED = "event-removed";

    /**
     * Who asked: the token's identity, not its permissions (they are in the command).
     *
     * @param kind {@code delegated} or {@code app}
     * @param objectId the token's {@code oid}: a user's, or the app's service principal's
     */
    public record Actor(String kind, String objectId, String upn) {

        public static Actor of(Principal principal) {
            return principal == null ? null : new Actor(principal.kind(), principal.objectId(), principal.upn());
        }
    }

    /** Where the input record is: its topic, partition and offset. */
    public record Source(String topic, int partition, long offset) {
    }

    /**
     * An attachment's metadata and content hash, as recorded.
     *
     * @param objectKey the key its content had in S3
     * @param sha256 hex SHA-256 of the content
     * @param versionId the S3 version of the object, when the bucket is versioned
     */
    public record Facts(String odataType, String name, String contentType, int size, String lastModifiedDateTime,
            String objectKey, long length, String sha256, String versionId) {

        public static Facts of(AttachmentRecord record) {
            return record == null ? null : new Facts(record.odataType(), record.name(), record.contentType(),
                    record.size(), record.lastModifiedDateTime(), record.object().key(), record.object().length(),
                    record.object().sha256(), record.object().versionId());
        }
    }
}
