package dev.attache.ingest.route;

/** {@code …/events/{E}}: one event. */
public record EventItem(EventPath event) implements GraphResource {
}
