package dev.attache.schemas.attachment;

/**
 * Where the client addressed the event: {@code /{apiVersion}/{owner}/{container…}/events/{E}}. Kept on the command
 * and the record so ownership rules (and audits) can compare it with where the event lives.
 *
 * @param apiVersion {@code v1.0} or {@code beta}
 * @param ownerKind {@code me}, {@code user} or {@code group}
 * @param ownerId for {@code me} the caller's object id; otherwise the user id, UPN or group id from the path
 * @param container {@code events}, {@code calendar}, {@code calendars}, {@code calendargroup} or
 *     {@code calendarGroups}: the path segment between owner and event
 * @param calendarGroupId the calendar group id, for {@code calendarGroups}
 * @param calendarId the calendar id, for {@code calendars}, {@code calendargroup} and {@code calendarGroups}
 */
public record Route(String apiVersion, String ownerKind, String ownerId, String container, String calendarGroupId,
        String calendarId) {
}
