package dev.attache.schemas.kafka;

/** Names of the Kafka topics the apps share. Deployments create them; see {@link TopicSpec}. */
public final class Topics {

    /** Commands from ingest-api; log-append timestamps, keyed by {@code AttachmentKeys.eventKey}. */
    public static final String ATTACHMENT_COMMANDS = "attachment-commands";

    /** Outcomes the processor sends back to the ingest-api instance that asked. */
    public static final String ATTACHMENT_REPLIES = "attachment-commands-replies";

    /** The materialized attachment records, compacted, keyed by {@code AttachmentKeys.attachmentKey}. */
    public static final String ATTACHMENTS = "attachments";

    /** The events registry, compacted, keyed by {@code AttachmentKeys.eventKey}: co-partitioned with the commands. */
    public static final String CALENDAR_EVENTS = "calendar-events";

    /** Calendars shared with other users, compacted, keyed by {@code AttachmentKeys.shareKey}. */
    public static final String CALENDAR_SHARES = "calendar-shares";

    /** Group memberships, compacted, keyed by {@code AttachmentKeys.membershipKey}. */
    public static final String GROUP_MEMBERSHIPS = "group-memberships";

    /**
     * The audit trail: one {@code AuditEntry} per decision, in the partition of the command it decides (the
     * commands' partition count), kept forever; each partition is an RFC 9162 Merkle tree.
     */
    public static final String ATTACHMENT_AUDIT = "attachment-audit";

    /** Signed {@code AuditCheckpoint}s of each audit partition's tree, in that partition's number, kept forever. */
    public static final String AUDIT_CHECKPOINTS = "audit-checkpoints";

    /** Objects to delete once the decision that let them go has committed, keyed by the object key. */
    public static final String OBJECT_DELETIONS = "object-deletions";

    /**
     * Open upload sessions, compacted, keyed by {@code AttachmentKeys.sessionKey} and partitioned by event: the state
     * any front continues a session from (through the processor), and what the sweep keeps.
     */
    public static final String UPLOAD_SESSIONS = "upload-sessions";

    /** User principal names of users, compacted, keyed by {@code AttachmentKeys.directoryKey}. */
    public static final String USER_DIRECTORY = "user-directory";

    private Topics() {
    }
}
