package dev.attache.processor.rules;

import dev.attache.schemas.attachment.ReplyError;

/** The Graph errors the rules answer with (graph-contract §5.2). */
public final class GraphErrors {

    public static final String INVALID_REQUEST = "ErrorInvalidRequest";
    public static final String TOO_LARGE = "RequestEntityTooLarge";
    public static final String GENERAL = "generalException";

    private GraphErrors() {
    }

    public static ReplyError invalidRequest(String message) {
        return new ReplyError(400, INVALID_REQUEST, message);
    }

    public static ReplyError tooLarge(String message) {
        return new ReplyError(413, TOO_LARGE, message);
    }

    /** For commands the processor cannot read; the detail goes to the log, not to the client. */
    public static ReplyError unprocessable() {
        return new ReplyError(500, GENERAL, "The attachment could not be processed.");
    }
}
