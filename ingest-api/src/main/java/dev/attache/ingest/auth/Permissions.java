package dev.attache.ingest.auth;

import dev.attache.ingest.error.GraphErrorCodes;
import dev.attache.ingest.error.GraphException;
import dev.attache.ingest.route.EventPath;

/**
 * Route-level permission checks, made before the body is read (graph-contract.md §7). Ownership of the event is not
 * decided here: that needs the events registry, which the processor holds.
 */
public final class Permissions {

    public static final String CALENDARS_READ_WRITE = "Calendars.ReadWrite";

    private Permissions() {
    }

    public static void checkWrite(Caller caller, EventPath event) {
        if (caller.app() && EventPath.ME.equals(event.ownerKind())) {
            throw new GraphException(400, GraphErrorCodes.BAD_REQUEST,
                    "/me request is only valid with delegated authentication flow.");
        }
        if (!caller.has(CALENDARS_READ_WRITE)) {
            throw new GraphException(403, GraphErrorCodes.ACCESS_DENIED,
                    "Access is denied. Check credentials and try again.");
        }
    }
}
