package dev.attache.schemas.attachment;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The processor's answer to one command (schema {@code attachment-reply.v1.json}), written in the same transaction as
 * the record, so a requester reading {@code read_committed} sees it only once the record is committed.
 */
public record AttachmentReply(int schemaVersion, String attachmentId, String outcome, AttachmentRecord attachment,
        ReplyError error) {

    public static final int SCHEMA_VERSION = 1;
    public static final String CREATED = "created";
    public static final String REJECTED = "rejected";

    public static AttachmentReply created(AttachmentRecord record) {
        return new AttachmentReply(SCHEMA_VERSION, record.attachmentId(), CREATED, record, null);
    }

    public static AttachmentReply rejected(String attachmentId, ReplyError error) {
        return new AttachmentReply(SCHEMA_VERSION, attachmentId, REJECTED, null, error);
    }

    @JsonIgnore
    public boolean isCreated() {
        return CREATED.equals(outcome);
    }
}
