package dev.attache.ingest.events;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.attache.ingest.auth.Caller;
import dev.attache.ingest.auth.Permissions;
import dev.attache.ingest.idempotency.IdempotencySettings;
import dev.attache.ingest.idempotency.RepeatMarks;
import dev.attache.ingest.representation.ODataUrls;
import dev.attache.ingest.request.GraphRequest;
import dev.attache.ingest.request.GraphResponse;
import dev.attache.ingest.request.Preferences;
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
    private final IdempotencySettings idempotency;

    EventEndpoint(EventCommands commands, EventLookupClient registry, IdempotencySettings idempotency) {
        this.commands = commands;
        this.registry = registry;
        this.idempotency = idempotency;
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
        RepeatMarks marks = idempotency.marks(request);
        Caller caller = request.caller();
        Permissions.checkWrite(caller, collection);
        String base = request.baseUrl();
        String ownerId = collection.toRoute(caller.objectId()).ownerId();
        EventCommands.Result result = commands.create(caller, collection, request.body(), marks,
                request.ids().trace());
        if (result instanceof EventCommands.Result.Done done) {
            String location = ODataUrls.event(base, collection, ownerId, done.event().eventId());
            Map<String, String> headers = idempotency.answerHeaders(marks, done.replayed());
            if (Preferences.returnMinimal(request)) {
                return Preferences.minimal(location).withHeaders(headers);
            }
            String context = ODataUrls.eventContext(base, collection, ownerId);
            return GraphResponse.json(201, EventJsonWriter.json(done.event(), context, false))
                    .withHeader("Location", location)
                    .withHeaders(headers);
        }
        String eventId = ((EventCommands.Result.Pending) result).eventId();
        return GraphResponse.json(202, Map.of("id", eventId, "status", "pending"))
                .withHeader("Location", ODataUrls.event(base, collection, ownerId, eventId))
                .withHeaders(idempotency.answerHeaders(marks, false));
    }

    public GraphResponse delete(GraphRequest request, EventPath event) {
        Caller caller = request.caller();
        Permissions.checkWrite(caller, event);
        EventCommands.Result result = commands.delete(caller, event, request.ids().trace());
        return GraphResponse.empty(result instanceof EventCommands.Result.Done ? 204 : 202);
    }
}
