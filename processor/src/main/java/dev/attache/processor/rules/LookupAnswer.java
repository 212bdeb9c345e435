package dev.attache.processor.rules;

import dev.attache.schemas.attachment.ReplyError;
import dev.attache.schemas.event.CalendarEvent;
import dev.attache.schemas.session.UploadSession;

/**
 * What a read of the processor's state answers: {@code 200} with the {@link CalendarEvent} (an event lookup) or the
 * {@link AttachmentList} (an attachment query) or the {@link UploadSession} (a session query), or the
 * {@link ReplyError} with its status.
 *
 * @param body a {@link CalendarEvent} or an {@link AttachmentList} when {@code status} is 200, else a
 *     {@link ReplyError}
 */
public record LookupAnswer(int status, Object body) {

    public static LookupAnswer found(CalendarEvent event) {
        return new LookupAnswer(200, event);
    }

    public static LookupAnswer found(AttachmentList attachments) {
        return new LookupAnswer(200, attachments);
    }

    public static LookupAnswer found(UploadSession session) {
        return new LookupAnswer(200, session);
    }

    public static LookupAnswer refused(ReplyError error) {
        return new LookupAnswer(error.status(), error);
    }

    /** {@code 503 ServiceUnavailable}: this instance cannot answer now; the caller retries. */
    public static LookupAnswer unavailable() {
        return refused(GraphErrors.UNAVAILABLE);
    }
}
