package dev.attache.ingest.events;

import java.io.InputStream;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import dev.attache.ingest.auth.Caller;
import dev.attache.ingest.auth.Permissions;
import dev.attache.ingest.error.GraphErrors;
import dev.attache.ingest.http.PublicUrls;
import dev.attache.ingest.representation.ODataUrls;
import dev.attache.ingest.route.EventPath;
import dev.attache.schemas.event.CalendarEvent;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST …/events}, {@code GET …/events/{E}} and {@code DELETE …/events/{E}}: HTTP in, HTTP out; writes go
 * through {@link EventCommands}, reads through {@link EventLookupClient}.
 */
@ApplicationScoped
public class EventEndpoint {

    private final EventCommands commands;
    private final EventLookupClient registry;
    private final PublicUrls urls;

    EventEndpoint(EventCommands commands, EventLookupClient registry, PublicUrls urls) {
        this.commands = commands;
        this.registry = registry;
        this.urls = urls;
    }

    public Response get(RoutingContext rc, Caller caller, EventPath event) {
        Permissions.checkRead(caller, event);
        CalendarEvent found = registry.find(caller, event);
        String ownerId = event.toRoute(caller.objectId()).ownerId();
        return Response.ok(EventJsonWriter.json(found, ODataUrls.eventContext(urls.baseUrl(rc), event, ownerId), null))
                .type(GraphErrors.JSON).build();
    }

    public Response create(RoutingContext rc, Caller caller, EventPath collection, InputStream body) {
        Permissions.checkWrite(caller, collection);
        String base = urls.baseUrl(rc);
        String ownerId = collection.toRoute(caller.objectId()).ownerId();
        EventCommands.Result result = commands.create(caller, collection, body);
        if (result instanceof EventCommands.Result.Done done) {
            PublicUrls.location(rc, ODataUrls.event(base, collection, ownerId, done.event().eventId()));
            return Response.status(201).type(GraphErrors.JSON)
                    .entity(EventJsonWriter.json(done.event(), ODataUrls.eventContext(base, collection, ownerId), false))
                    .build();
        }
        String eventId = ((EventCommands.Result.Pending) result).eventId();
        PublicUrls.location(rc, ODataUrls.event(base, collection, ownerId, eventId));
        return Response.status(202).type(GraphErrors.JSON)
                .entity(Map.of("id", eventId, "status", "pending")).build();
    }

    public Response delete(Caller caller, EventPath event) {
        Permissions.checkWrite(caller, event);
        EventCommands.Result result = commands.delete(caller, event);
        return Response.status(result instanceof EventCommands.Result.Done ? 204 : 202).build();
    }
}
