package dev.attache.ingest.events;

import jakarta.enterprise.context.ApplicationScoped;

import dev.attache.ingest.auth.Caller;
import dev.attache.ingest.route.EventPath;
import dev.attache.ingest.state.ProcessorState;
import dev.attache.schemas.event.CalendarEvent;
import dev.attache.schemas.event.EventLookup;

/** Reads an event from the registry held in the processor's state. */
@ApplicationScoped
public class EventLookupClient {

    private final ProcessorState state;

    EventLookupClient(ProcessorState state) {
        this.state = state;
    }

    public CalendarEvent find(Caller caller, EventPath event) {
        return state.query(EventLookup.PATH, new EventLookup(caller.tenantId(), event.eventId(),
                event.toRoute(caller.objectId()), caller.principal()), CalendarEvent.class);
    }
}
