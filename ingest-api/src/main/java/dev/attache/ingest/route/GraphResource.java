package dev.attache.ingest.route;

/** What a Graph path names: an events collection, one event, or a path into an event's attachments. */
public sealed interface GraphResource permits EventsCollection, EventItem, AttachmentsPath {

    /** The event (its id null for a collection) and where the client addressed it. */
    EventPath event();
}
