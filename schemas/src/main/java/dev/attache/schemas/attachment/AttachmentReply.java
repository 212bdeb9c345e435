package dev.attache.schemas.attachment;

import com.fasterxml.jackson.annotation.JsonIgnore;

import dev.attache.schemas.event.CalendarEvent;

/**
 * The processor's answer to one command (schema {@code attachment-reply.v1.json}), written in the same transaction as
 * the record, so a requester reading {@code read_committed} sees it only once the record is committed. Commands on
 * events are answered with the {@code event}; rejections of any command with the {@code error}. {@code replayed} is
 * true (else null) when a create was recognised as a repeat and answered with its first outcome.
 */
public record AttachmentReply(int schemaVersion, String attachmentId, String outcome, AttachmentRecord attachment,
        ReplyError error, CalendarEvent event, Boolean replayed) {

    public static final int SCHEMA_VERSION = 1;
    public static final String CREATED = "created";
    public static final String REJECTED = "rejected";
    public static final String DELETED = "deleted";

    public static AttachmentReply created(AttachmentRecord record) {
        return new AttachmentReply(SCHEMA_VERSION, record.attachmentId(), CREATED, record, null, null, null);
    }

    public static AttachmentReply rejected(String attachmentId, ReplyError error) {
        return new AttachmentReply(SCHEMA_VERSION, attachmentId, REJECTED, null, error, null, null);
    }

    /** The answer to {@code delete-attachment}: the record as it was. */
    public static AttachmentReply attachmentDeleted(AttachmentRecord record) {
        return new AttachmentReply(SCHEMA_VERSION, record.attachmentId(), DELETED, record, null, null, null);
    }

    /** The answer to {@code create-event}: the event as registered. */
    public static AttachmentReply eventCreated(CalendarEvent event) {
        return new AttachmentReply(SCHEMA_VERSION, null, CREATED, null, null, event, null);
    }

    /** The answer to {@code delete-event}: the event as it was. */
    public static AttachmentReply eventDeleted(CalendarEvent event) {
        return new AttachmentReply(SCHEMA_VERSION, null, DELETED, null, null, event, null);
    }

    /** This created outcome, given again to a repeat of the request that made it. */
    public AttachmentReply asReplay() {
        return new AttachmentReply(schemaVersion, attachmentId, outcome, attachment, error, event, Boolean.TRUE);
    }

    @JsonIgnore
    public boolean isReplay() {
        return Boolean.TRUE.equals(replayed);
    }

    @JsonIgnore
    public boolean isCreated() {
        return CREATED.equals(outcome);
    }
}
