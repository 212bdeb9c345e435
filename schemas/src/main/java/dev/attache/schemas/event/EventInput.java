package dev.attache.schemas.event;

/** An event as a client posted it to {@code …/events}, parsed but not yet judged. */
public record EventInput(String subject, ItemBody body, DateTimeTimeZone start, DateTimeTimeZone end,
        String location, EmailAddress organizer) {
}
