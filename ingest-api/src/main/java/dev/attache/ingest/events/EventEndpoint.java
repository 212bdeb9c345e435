package dev.attache.ingest.events;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.attache.ingest.auth.Caller;
import dev.attache.ingest.auth.Permissions;
import dev.attache.ingest.representation.ODataUrls;
import dev.attache.ingest.request.GraphRequest;
import dev.attache.ingest.request.GraphResponse;
import dev.attache.ingest.route.EventPath;
import dev.attache.schemas.event.CalendarEvent;

/**
 * {@code POST …/events}, {@code GET …/events/{E}} and {@code DELETE …/events/{E}}: the request in, the response out;
 * writes go through {@link EventCommands}, reads through {@link EventLookupClient}.
 */
@ApplicationScoped
public class EventEndpoint {

    private final EventCommands commands;
    private final EventLookupClient registry;

    EventEndpoint(EventCommands commands, EventLookupClient registry) {
        this.commands = commands;
        this.registry = registry;
    }

    public GraphResponse get(GraphRequest request, EventPath event) {
        Caller caller = request.caller();
        Permissions.checkRead(caller, event);
        CalendarEvent found = registry.find(caller, event);
        String ownerId = event.toRoute(caller.objectId()).ownerId();
        return GraphResponse.json(200,
                EventJsonWriter.json(found, ODataUrls.eventContext(request.baseUrl(), event, ownerId), null));
    }

    public GraphResponse create(GraphRequest request, EventPath collection) {
        Caller caller = request.caller();
        Permissions.checkWrite(caller, collection);
        String base = request.baseUrl();
        String ownerId = collection.toRoute(caller.objectId()).ownerId();
        EventCommands.Result result = commands.create(caller, collection, request.body());
        if (result instanceof EventCommands.Result.Done done) {
            String context = ODataUrls.eventContext(base, collection, ownerId);
            return GraphResponse.json(201, EventJsonWriter.json(done.event(), context, false))
                    .withHeader("Location", ODataUrls.event(base, collection, ownerId, done.event().eventId()));
        }
        String eventId = ((EventCommands.Result.Pending) result).eventId();
        return GraphResponse.json(202, Map.of("id", eventId, "status", "pending"))
                .withHeader("Location", ODataUrls.event(base, collection, ownerId, eventId));
    }

    public GraphResponse delete(GraphRequest request, EventPath event) {
        Caller caller = request.caller();
        Permissions.checkWrite(caller, event);
        EventCommands.Result result = commands.delete(caller, event);
        return GraphResponse.empty(result instanceof EventCommands.Result.Done ? 204 : 202);
    }
}
