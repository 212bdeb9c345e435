package dev.attache.processor.rules;

import java.util.List;
import java.util.Objects;

import dev.attache.schemas.attachment.Principal;
import dev.attache.schemas.attachment.ReplyError;
import dev.attache.schemas.attachment.Route;
import dev.attache.schemas.event.CalendarEvent;
import dev.attache.schemas.event.CalendarShare;
import dev.attache.schemas.event.EventOwner;

/**
 * Who may act on which event: a pure function of the principal, the route, the event and the registry's shares and
 * memberships (graph-compatibility.md §7). Two questions, in this order:
 *
 * <ol>
 *   <li><b>Is the event where the route says?</b> Otherwise 404, never 403: a mismatch must not reveal that the id
 *       exists under another owner, calendar or tenant.</li>
 *   <li><b>May the principal act there?</b> Otherwise 403.</li>
 * </ol>
 *
 * The front has already checked the token and the route-level permission ({@code Calendars.ReadWrite},
 * {@code Group.ReadWrite.All}); these rules decide what needs the registry, so they stay deterministic under replay.
 */
public final class AccessRules {

    public static final String READ_SHARED = "Calendars.Read.Shared";
    public static final String READ_WRITE_SHARED = "Calendars.ReadWrite.Shared";

    static final String ME = "me";
    static final String USER = "user";
    static final String GROUP = "group";

    /** What the principal wants to do. */
    public enum Mode {
        READ, WRITE
    }

    /** The answer, with the Graph error to reply when it is not {@link #ALLOWED}. */
    public enum Verdict {
        ALLOWED(null),
        NOT_FOUND(GraphErrors.ITEM_NOT_FOUND),
        DENIED(GraphErrors.DENIED),
        /** {@code /me} with an app-only token; the front refuses it first, this is the backstop. */
        ME_NEEDS_DELEGATED(GraphErrors.ME_NEEDS_DELEGATED);

        private final ReplyError error;

        Verdict(ReplyError error) {
            this.error = error;
        }

        public ReplyError error() {
            return error;
        }
    }

    private AccessRules() {
    }

    /**
     * May {@code principal} of {@code tenantId} act ({@code mode}) on {@code event} (null when the registry has none)
     * through {@code route}?
     */
    public static Verdict check(String tenantId, Principal principal, Route route, CalendarEvent event,
            Registry registry, Mode mode) {
        if (ME.equals(route.ownerKind()) && !Principal.DELEGATED.equals(principal.kind())) {
            return Verdict.ME_NEEDS_DELEGATED;
        }
        // the tenant comparison is a backstop: the event was looked up under the command's tenant already
        if (event == null || !tenantId.equals(event.tenantId())
                || !routeMatches(tenantId, principal, route, event, registry)) {
            return Verdict.NOT_FOUND;
        }
        return mayAct(tenantId, principal, event.owner(), event.calendarId(), registry, mode)
                ? Verdict.ALLOWED
                : Verdict.DENIED;
    }

    /** Whether the event lives where {@code route} addresses it: under that owner, in that calendar. */
    public static boolean routeMatches(String tenantId, Principal principal, Route route, CalendarEvent event,
            Registry registry) {
        return ownerMatches(tenantId, principal, route, event.owner(), registry) && containerMatches(route, event);
    }

    /**
     * The object id of the user {@code /users/{id}} names, or null when nobody has that name. An id without {@code @}
     * is an object id already. A user principal name is looked up in the directory; failing that, it is the caller's
     * own when their token carries it (the issuer's current word on the caller's name). Either way the name only
     * <em>addresses</em> a user: what that user may do is then decided on the object id alone.
     */
    public static String resolveUser(String tenantId, Principal principal, String userIdOrName, Registry registry) {
        if (userIdOrName.indexOf('@') < 0) {
            return userIdOrName;
        }
        String listed = registry.objectIdOf(tenantId, userIdOrName);
        if (listed != null) {
            return listed;
        }
        boolean own = Principal.DELEGATED.equals(principal.kind()) && userIdOrName.equalsIgnoreCase(principal.upn());
        return own ? principal.objectId() : null;
    }

    /**
     * Whether {@code principal} may act ({@code mode}) on events of {@code owner} in calendar {@code calendarId}
     * ({@code null} = the default calendar): an existing event's place, or where a new one would go.
     */
    public static boolean mayAct(String tenantId, Principal principal, EventOwner owner, String calendarId,
            Registry registry, Mode mode) {
        boolean groupOwned = GROUP.equals(owner.kind());
        if (Principal.APP.equals(principal.kind())) {
            // an app with the role acts on any user of its tenant; Graph refuses app-only tokens on group calendars
            return !groupOwned;
        }
        if (!Principal.DELEGATED.equals(principal.kind())) {
            return false;
        }
        if (groupOwned) {
            // the token's groups claim may be partial (Entra caps it), so the registry can vouch too
            return nonNull(principal.groups()).contains(owner.id())
                    || registry.isMember(tenantId, owner.id(), principal.objectId());
        }
        String ownerId = userOf(tenantId, owner, registry);
        if (ownerId == null) {
            return false;
        }
        if (isPrincipal(principal, ownerId)) {
            return true;
        }
        // another user's calendar: the .Shared permission and a share of that very calendar, with the role needed
        if (!hasSharedPermission(principal, mode)) {
            return false;
        }
        CalendarShare share = registry.share(tenantId, ownerId, calendarId, principal.objectId());
        return share != null && (CalendarShare.WRITE.equals(share.role())
                || mode == Mode.READ && CalendarShare.READ.equals(share.role()));
    }

    /**
     * Whether the user with object id {@code ownerId} is the signed-in user: by object id only. A UPN is never proof of
     * identity: it changes and is reassigned, and a token with another {@code oid} may carry a former owner's name.
     */
    public static boolean isPrincipal(Principal principal, String ownerId) {
        return Principal.DELEGATED.equals(principal.kind()) && principal.objectId().equals(ownerId);
    }

    /**
     * The object id of a user {@code owner}: its id; for an event registered under a user principal name (as builds
     * before object-id identity did for {@code /users/{upn}}), the id the directory gives that name — never a token's
     * word — or null when nobody has it. Null for a group.
     */
    static String userOf(String tenantId, EventOwner owner, Registry registry) {
        if (!USER.equals(owner.kind())) {
            return null;
        }
        return owner.id().indexOf('@') < 0 ? owner.id() : registry.objectIdOf(tenantId, owner.id());
    }

    private static boolean ownerMatches(String tenantId, Principal principal, Route route, EventOwner owner,
            Registry registry) {
        String userId = userOf(tenantId, owner, registry);
        return switch (route.ownerKind()) {
            case ME -> userId != null && isPrincipal(principal, userId);
            case USER -> userId != null && userId.equals(resolveUser(tenantId, principal, route.ownerId(), registry));
            case GROUP -> GROUP.equals(owner.kind()) && route.ownerId().equals(owner.id());
            default -> false;
        };
    }

    private static boolean containerMatches(Route route, CalendarEvent event) {
        return switch (route.container()) {
            case "events" -> true;
            case "calendar" -> event.calendarId() == null;
            case "calendars" -> sameId(route.calendarId(), event.calendarId());
            case "calendargroup" -> event.calendarGroupId() == null
                    && sameId(route.calendarId(), event.calendarId());
            case "calendarGroups" -> sameId(route.calendarGroupId(), event.calendarGroupId())
                    && sameId(route.calendarId(), event.calendarId());
            default -> false;
        };
    }

    /** A named calendar (group) in the route matches only the same id, never the default (null). */
    private static boolean sameId(String routeId, String eventId) {
        return routeId != null && Objects.equals(routeId, eventId);
    }

    private static boolean hasSharedPermission(Principal principal, Mode mode) {
        List<String> granted = nonNull(principal.permissions());
        return granted.contains(READ_WRITE_SHARED) || mode == Mode.READ && granted.contains(READ_SHARED);
    }

    private static List<String> nonNull(List<String> values) {
        return values == null ? List.of() : values;
    }
}
