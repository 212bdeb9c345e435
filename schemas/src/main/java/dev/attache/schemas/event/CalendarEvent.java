package dev.attache.schemas.event;

/**
 * An event in the registry (topic {@code calendar-events}, compacted, key {@code AttachmentKeys.eventKey}; schema
 * {@code calendar-event.v1.json}). Published by the calendar system of record, or by the processor for events created
 * through the Graph endpoints. A tombstone (null value) means the event was deleted.
 *
 * @param calendarGroupId the calendar group, or null for the default group
 * @param calendarId the calendar, or null for the owner's default calendar
 * @param createdDateTime UTC, whole seconds, {@code Z}
 */
public record CalendarEvent(int schemaVersion, String tenantId, String eventId, EventOwner owner,
        String calendarGroupId, String calendarId, String subject, ItemBody body, DateTimeTimeZone start,
        DateTimeTimeZone end, String location, EmailAddress organizer, String createdDateTime,
        String lastModifiedDateTime) {

    public static final int SCHEMA_VERSION = 1;
}
