package dev.attache.audit.verify;

/**
 * One thing verification found wrong, naming what it is about.
 *
 * @param kind what is wrong (the constants here)
 * @param attachmentId the attachment concerned, when one is
 * @param where the record key, the trail position or the object key
 * @param detail what was expected and what was found
 */
public record Difference(String kind, String attachmentId, String where, String detail) {

    /** The replay made a record the live topic or state does not have (deleted, or never written). */
    public static final String RECORD_MISSING = "record missing";
    /** The live topic or state has a record the replay did not make (inserted). */
    public static final String RECORD_EXTRA = "record extra";
    /** Both have the record, with other bytes (rewritten). */
    public static final String RECORD_CHANGED = "record changed";
    /** A reply the live processor sent (still retained) that the replay answers otherwise. */
    public static final String REPLY_CHANGED = "reply changed";
    public static final String ENTRY_MISSING = "trail entry missing";
    public static final String ENTRY_EXTRA = "trail entry extra";
    public static final String ENTRY_CHANGED = "trail entry changed";
    /** A checkpoint not signed by the trusted key, or unreadable. */
    public static final String CHECKPOINT_FORGED = "checkpoint forged";
    /** A signed checkpoint whose root is not the root of the entries it covers. */
    public static final String CHECKPOINT_MISMATCH = "checkpoint does not match the trail";
    /** A signed checkpoint that does not extend the one before it. */
    public static final String CHECKPOINT_INCONSISTENT = "checkpoints inconsistent";
    public static final String OBJECT_MISSING = "object missing";
    public static final String OBJECT_LENGTH = "object length";
    public static final String OBJECT_HASH = "object hash";

    @Override
    public String toString() {
        return kind + (attachmentId == null ? "" : " — attachment " + attachmentId) + " (" + where + "): " + detail;
    }
}
