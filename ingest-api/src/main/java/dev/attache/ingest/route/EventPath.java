package dev.attache.ingest.route;

import dev.attache.schemas.attachment.Route;

/**
 * An event as the client addressed it: {@code /{apiVersion}/{owner}/{container…}/events/{eventId}}.
 *
 * @param ownerKind {@code me}, {@code user} or {@code group}
 * @param ownerId the user id or UPN, or the group id; null for {@code me}
 * @param eventId the event, or null for the events collection
 * @param container how the path reaches the event: {@code events}, {@code calendar}, {@code calendars},
 *     {@code calendargroup} or {@code calendarGroups}
 */
public record EventPath(String apiVersion, String ownerKind, String ownerId, String container,
        String calendarGroupId, String calendarId, String eventId) {

    public static final String ME = "me";
    public static final String USER = "user";
    public static final String GROUP = "group";

    /** The route on the command: {@code me} resolves to the caller's object id there. */
    public Route toRoute(String callerObjectId) {
        return new Route(apiVersion, ownerKind, ME.equals(ownerKind) ? callerObjectId : ownerId, container,
                calendarGroupId, calendarId);
    }
}
