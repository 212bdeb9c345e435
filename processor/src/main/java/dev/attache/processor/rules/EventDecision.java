package dev.attache.processor.rules;

import dev.attache.schemas.attachment.ReplyError;
import dev.attache.schemas.event.CalendarEvent;

/** What the rules decided for one {@code create-event} command. */
public sealed interface EventDecision {

    /** The event to register. */
    record Created(CalendarEvent event) implements EventDecision {
    }

    /** The client's event is invalid, or the principal may not create it there. */
    record Rejected(ReplyError error) implements EventDecision {
    }
}
