package dev.attache.schemas.event;

/** Graph's {@code dateTimeTimeZone}: a local date-time and the time zone it is in. */
public record DateTimeTimeZone(String dateTime, String timeZone) {
}
