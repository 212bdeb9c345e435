package dev.attache.processor.rules;

import static dev.attache.schemas.graph.GraphErrorCodes.ACCESS_DENIED;
import static dev.attache.schemas.graph.GraphErrorCodes.BAD_REQUEST;
import static dev.attache.schemas.graph.GraphErrorCodes.GENERAL_EXCEPTION;
import static dev.attache.schemas.graph.GraphErrorCodes.INVALID_REQUEST;
import static dev.attache.schemas.graph.GraphErrorCodes.INVALID_USER;
import static dev.attache.schemas.graph.GraphErrorCodes.REQUEST_TOO_LARGE;
import static dev.attache.schemas.graph.GraphErrorCodes.SERVICE_UNAVAILABLE;

import dev.attache.schemas.attachment.ReplyError;
import dev.attache.schemas.graph.GraphErrorCodes;

/** The Graph errors the rules answer with (graph-compatibility.md §5.2), their codes from {@code GraphErrorCodes}. */
public final class GraphErrors {

    /** Exchange's texts, as Graph relays them. */
    public static final ReplyError ITEM_NOT_FOUND = new ReplyError(404, GraphErrorCodes.ITEM_NOT_FOUND,
            "The specified object was not found in the store.");
    public static final ReplyError DENIED = new ReplyError(403, ACCESS_DENIED,
            "Access is denied. Check credentials and try again.");
    /** The gateway's answer to {@code /me} with an app-only token (graph-compatibility.md §2.2). */
    public static final ReplyError ME_NEEDS_DELEGATED = new ReplyError(400, BAD_REQUEST,
            "/me request is only valid with delegated authentication flow.");

    /**
     * A read of the processor's state (an event lookup, an attachment query) while this instance cannot answer it
     * (streams not running, the event's partition rebalancing or restoring, its host unreachable): the caller retries.
     */
    public static final ReplyError UNAVAILABLE = new ReplyError(503, SERVICE_UNAVAILABLE,
            "The event registry is not available at the moment. Retry the request.");

    private GraphErrors() {
    }

    public static ReplyError invalidRequest(String message) {
        return new ReplyError(400, INVALID_REQUEST, message);
    }

    /** Exchange's answer when {@code /users/{name}} names nobody: a new event has no calendar to go to. */
    public static ReplyError invalidUser(String name) {
        return new ReplyError(404, INVALID_USER, "The requested user '" + name + "' is invalid.");
    }

    /** A lookup that is not an {@code EventLookup} the access rules can judge: the caller's bug, not the client's. */
    public static ReplyError malformedLookup(String defect) {
        return malformed("event lookup", defect);
    }

    /** A query that is not an {@code AttachmentQuery} the rules can judge: the caller's bug, not the client's. */
    public static ReplyError malformedAttachmentQuery(String defect) {
        return malformed("attachment query", defect);
    }

    public static ReplyError malformedSessionQuery(String defect) {
        return malformed("upload session query", defect);
    }

    private static ReplyError malformed(String what, String defect) {
        return new ReplyError(400, BAD_REQUEST, "The " + what + " is malformed: " + defect + ".");
    }

    public static ReplyError tooLarge(String message) {
        return new ReplyError(413, REQUEST_TOO_LARGE, message);
    }

    /** For attachment commands the processor cannot read; the detail goes to the log, not to the client. */
    public static ReplyError unprocessable() {
        return new ReplyError(500, GENERAL_EXCEPTION, "The attachment could not be processed.");
    }

    /** For event commands the processor cannot read. */
    public static ReplyError unprocessableEvent() {
        return new ReplyError(500, GENERAL_EXCEPTION, "The event could not be processed.");
    }
}
