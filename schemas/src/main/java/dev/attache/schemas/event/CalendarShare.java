package dev.attache.schemas.event;

/**
 * A calendar shared with another user of the tenant (topic {@code calendar-shares}, compacted, key
 * {@code AttachmentKeys.shareKey}; schema {@code calendar-share.v1.json}). With {@code Calendars.ReadWrite.Shared}
 * a delegated token may then act on the owner's events in that calendar. A tombstone revokes it.
 *
 * @param calendarId the shared calendar, or null for the owner's default calendar
 * @param role {@link #READ} or {@link #WRITE}
 */
public record CalendarShare(int schemaVersion, String tenantId, String ownerId, String calendarId, String granteeId,
        String role) {

    public static final int SCHEMA_VERSION = 1;
    public static final String READ = "read";
    public static final String WRITE = "write";
}
