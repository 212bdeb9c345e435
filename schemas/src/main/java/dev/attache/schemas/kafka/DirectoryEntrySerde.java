package dev.attache.schemas.kafka;

import dev.attache.schemas.event.DirectoryEntry;

/** {@link JsonSerde} of {@link DirectoryEntry} with a no-argument constructor, for clients configured by class name. */
public final class DirectoryEntrySerde extends JsonSerde<DirectoryEntry> {

    public DirectoryEntrySerde() {
        super(DirectoryEntry.class);
    }
}
