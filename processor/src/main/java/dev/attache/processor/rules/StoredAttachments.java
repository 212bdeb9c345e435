package dev.attache.processor.rules;

import java.util.List;

import dev.attache.schemas.attachment.AttachmentRecord;

/**
 * What an attachment query reads: {@code attachments-store}, keyed {@code AttachmentKeys.attachmentKey}. A port, so
 * {@link AttachmentQueryRules} stays a pure function; the application answers it from the event's partition of the
 * store (interactive queries), the tests from a map.
 */
public interface StoredAttachments {

    /** The record stored under {@code key}, or null. */
    AttachmentRecord get(String key);

    /** Every record whose key starts with {@code prefix}, in key order: one range scan. */
    List<AttachmentRecord> withPrefix(String prefix);
}
