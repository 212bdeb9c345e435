package dev.attache.schemas.attachment;

import com.fasterxml.jackson.annotation.JsonIgnore;

import dev.attache.schemas.event.CalendarEvent;

/**
 * The processor's answer to one command (schema {@code attachment-reply.v1.json}), written in the same transaction as
 * the record, so a requester reading {@code read_committed} sees it only once the record is committed. Commands on
 * events are answered with the {@code event}; rejections of any command with the {@code error}.
 */
public record AttachmentReply(int schemaVersion, String attachmentId, String outcome, AttachmentRecord attachment,
        ReplyError error, CalendarEvent event) {

    public static final int SCHEMA_VERSION = 1;
    public static final String CREATED = "created";
    public static final String REJECTED = "rejected";
    public static final String DELETED = "deleted";

    public static AttachmentReply created(AttachmentRecord record) {
        return new AttachmentReply(SCHEMA_VERSION, record.attachmentId(), CREATED, record, null, null);
    }

    public static AttachmentReply rejected(String attachmentId, ReplyError error) {
        return new AttachmentReply(SCHEMA_VERSION, attachmentId, REJECTED, null, error, null);
    }

    /** The answer to {@code delete-attachment}: the record as it was. */
    public static AttachmentReply attachmentDeleted(AttachmentRecord record) {
        return new AttachmentReply(SCHEMA_VERSION, record.attachmentId(), DELETED, record, null, null);
    }

    /** The answer to {@code create-event}: the event as registered. */
    public static AttachmentReply eventCreated(CalendarEvent event) {
        return new AttachmentReply(SCHEMA_VERSION, null, CREATED, null, null, event);
    }

    /** The answer to {@code delete-event}: the event as it was. */
    public static AttachmentReply eventDeleted(CalendarEvent event) {
        return new AttachmentReply(SCHEMA_VERSION, null, DELETED, null, null, event);
    }

    @JsonIgnore
    public boolean isCreated() {
        return CREATED.equals(outcome);
    }
}
