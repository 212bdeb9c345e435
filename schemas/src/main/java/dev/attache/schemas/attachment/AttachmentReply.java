package dev.attache.schemas.attachment;

import com.fasterxml.jackson.annotation.JsonIgnore;

import dev.attache.schemas.event.CalendarEvent;
import dev.attache.schemas.session.UploadSession;

/**
 * The processor's answer to one command (schema {@code attachment-reply.v1.json}), written in the same transaction as
 * the record, so a requester reading {@code read_committed} sees it only once the record is committed. Commands on
 * events are answered with the {@code event}; rejections of any command with the {@code error}. {@code replayed} is
 * true (else null) when a create was recognised as a repeat and answered with its first outcome. Upload-session
 * commands are answered with the {@code session} as it stands after them (also beside a refused slice, so the front
 * can tell the client which range comes next).
 */
public record AttachmentReply(int schemaVersion, String attachmentId, String outcome, AttachmentRecord attachment,
        ReplyError error, CalendarEvent event, Boolean replayed, UploadSession session) {

    public static final int SCHEMA_VERSION = 1;
    public static final String CREATED = "created";
    public static final String REJECTED = "rejected";
    public static final String DELETED = "deleted";
    /** An upload session took a slice. */
    public static final String ADVANCED = "advanced";

    public static AttachmentReply created(AttachmentRecord record) {
        return new AttachmentReply(SCHEMA_VERSION, record.attachmentId(), CREATED, record, null, null, null, null);
    }

    public static AttachmentReply rejected(String attachmentId, ReplyError error) {
        return new AttachmentReply(SCHEMA_VERSION, attachmentId, REJECTED, null, error, null, null, null);
    }

    /** The answer to {@code delete-attachment}: the record as it was. */
    public static AttachmentReply attachmentDeleted(AttachmentRecord record) {
        return new AttachmentReply(SCHEMA_VERSION, record.attachmentId(), DELETED, record, null, null, null, null);
    }

    /** The answer to {@code create-event}: the event as registered. */
    public static AttachmentReply eventCreated(CalendarEvent event) {
        return new AttachmentReply(SCHEMA_VERSION, null, CREATED, null, null, event, null, null);
    }

    /** The answer to {@code delete-event}: the event as it was. */
    public static AttachmentReply eventDeleted(CalendarEvent event) {
        return new AttachmentReply(SCHEMA_VERSION, null, DELETED, null, null, event, null, null);
    }

    /** The answer to {@code open-upload-session}: the session as opened. */
    public static AttachmentReply sessionOpened(UploadSession session) {
        return new AttachmentReply(SCHEMA_VERSION, session.attachmentId(), CREATED, null, null, null, null, session);
    }

    /** The answer to {@code append-slice}: the session as it stands now. */
    public static AttachmentReply sessionAdvanced(UploadSession session) {
        return new AttachmentReply(SCHEMA_VERSION, session.attachmentId(), ADVANCED, null, null, null, null, session);
    }

    /** The answer to {@code cancel-upload-session}: the session as it was. */
    public static AttachmentReply sessionCancelled(UploadSession session) {
        return new AttachmentReply(SCHEMA_VERSION, session.attachmentId(), DELETED, null, null, null, null, session);
    }

    /** A refused slice, with the session as it stands (what it expects next). */
    public static AttachmentReply sliceRefused(UploadSession session, ReplyError error) {
        return new AttachmentReply(SCHEMA_VERSION, session.attachmentId(), REJECTED, null, error, null, null,
                session);
    }

    /** This created outcome, given again to a repeat of the request that made it. */
    public AttachmentReply asReplay() {
        return new AttachmentReply(schemaVersion, attachmentId, outcome, attachment, error, event, Boolean.TRUE,
                session);
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
