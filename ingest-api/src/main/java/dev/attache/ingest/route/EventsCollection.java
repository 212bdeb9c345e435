package dev.attache.ingest.route;

/** {@code …/events}: the events of a calendar (or of all the owner's calendars); {@code event().eventId()} is null. */
public record EventsCollection(EventPath event) implements GraphResource {
}
