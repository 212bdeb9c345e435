package dev.attache.schemas.kafka;

import dev.attache.schemas.event.CalendarShare;

/** {@link JsonSerde} of {@link CalendarShare} with a no-argument constructor, for clients configured by class name. */
public final class CalendarShareSerde extends JsonSerde<CalendarShare> {

    public CalendarShareSerde() {
        super(CalendarShare.class);
    }
}
