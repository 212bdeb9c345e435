package dev.attache.schemas.kafka;

import dev.attache.schemas.event.CalendarEvent;

/** {@link JsonSerde} of {@link CalendarEvent} with a no-argument constructor, for clients configured by class name. */
public final class CalendarEventSerde extends JsonSerde<CalendarEvent> {

    public CalendarEventSerde() {
        super(CalendarEvent.class);
    }
}
