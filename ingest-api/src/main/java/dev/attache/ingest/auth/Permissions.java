package dev.attache.ingest.auth;

import dev.attache.schemas.graph.GraphErrorCodes;
import dev.attache.ingest.error.GraphException;
import dev.attache.ingest.route.EventPath;

/**
 * Route-level permission checks (graph-compatibility.md §7), made from the token alone before the body is read, so a
 * request that will be refused uploads nothing. Whether the event exists, lives where the path says, is shared with
 * the caller or belongs to a group the caller is in is decided by the processor against the registry.
 */
public final class Permissions {

    public static final String CALENDARS_READ = "Calendars.Read";
    public static final String CALENDARS_READ_WRITE = "Calendars.ReadWrite";
    public static final String CALENDARS_READ_SHARED = "Calendars.Read.Shared";
    public static final String CALENDARS_READ_WRITE_SHARED = "Calendars.ReadWrite.Shared";
    public static final String GROUP_READ_ALL = "Group.Read.All";
    public static final String GROUP_READ_WRITE_ALL = "Group.ReadWrite.All";

    private Permissions() {
    }

    /** Creating or deleting an event or an attachment. */
    public static void checkWrite(Caller caller, EventPath event) {
        check(caller, event, new String[] {CALENDARS_READ_WRITE, CALENDARS_READ_WRITE_SHARED},
                new String[] {CALENDARS_READ_WRITE_SHARED}, new String[] {GROUP_READ_WRITE_ALL},
                new String[] {CALENDARS_READ_WRITE});
    }

    /** Reading an event or its attachments. */
    public static void checkRead(Caller caller, EventPath event) {
        check(caller, event,
                new String[] {CALENDARS_READ, CALENDARS_READ_WRITE, CALENDARS_READ_SHARED, CALENDARS_READ_WRITE_SHARED},
                new String[] {CALENDARS_READ_SHARED, CALENDARS_READ_WRITE_SHARED},
                new String[] {GROUP_READ_ALL, GROUP_READ_WRITE_ALL},
                new String[] {CALENDARS_READ, CALENDARS_READ_WRITE});
    }

    private static void check(Caller caller, EventPath event, String[] own, String[] othersShared, String[] group,
            String[] appRoles) {
        String owner = event.ownerKind();
        if (caller.app()) {
            if (EventPath.ME.equals(owner)) {
                throw new GraphException(400, GraphErrorCodes.BAD_REQUEST,
                        "/me request is only valid with delegated authentication flow.");
            }
            // Graph does not give app-only tokens group calendars.
            if (EventPath.GROUP.equals(owner) || !caller.hasAny(appRoles)) {
                throw denied();
            }
            return;
        }
        boolean allowed = switch (owner) {
            case EventPath.GROUP -> caller.hasAny(group);
            // a name that may be the caller's own is resolved by the processor, which then asks for .Shared and a
            // share if it is someone else's: here either kind of permission lets it through
            case EventPath.USER -> caller.is(event.ownerId()) ? caller.hasAny(own)
                    : caller.mayBe(event.ownerId()) ? caller.hasAny(own) || caller.hasAny(othersShared)
                    : caller.hasAny(othersShared);
            default -> caller.hasAny(own);
        };
        if (!allowed) {
            throw denied();
        }
    }

    private static GraphException denied() {
        return new GraphException(403, GraphErrorCodes.ACCESS_DENIED,
                "Access is denied. Check credentials and try again.");
    }
}
