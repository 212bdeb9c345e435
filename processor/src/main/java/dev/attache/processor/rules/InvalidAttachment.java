package dev.attache.processor.rules;

import dev.attache.schemas.attachment.ReplyError;

/**
 * Thrown inside the rules to stop at the first broken rule; {@link AttachmentRules#decide} turns it into a
 * {@link Decision.Rejected}. Never escapes the package, so it carries no stack trace.
 */
final class InvalidAttachment extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ReplyError error;

    InvalidAttachment(ReplyError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    static InvalidAttachment invalid(String message) {
        return new InvalidAttachment(GraphErrors.invalidRequest(message));
    }

    ReplyError error() {
        return error;
    }
}
