package dev.attache.ingest.http;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.attache.ingest.attachments.AttachmentEndpoint;
import dev.attache.ingest.attachments.AttachmentReadEndpoint;
import dev.attache.ingest.auth.BearerTokenFilter;
import dev.attache.ingest.error.GraphErrorCodes;
import dev.attache.ingest.error.GraphException;
import dev.attache.ingest.events.EventEndpoint;
import dev.attache.ingest.route.AttachmentsPath;
import dev.attache.ingest.route.EventItem;
import dev.attache.ingest.route.EventsCollection;
import dev.attache.ingest.route.GraphPaths;
import dev.attache.ingest.route.GraphResource;
import io.smallrye.common.annotation.Blocking;
import io.vertx.ext.web.RoutingContext;

/**
 * The Graph routes. Paths are resolved by {@link GraphPaths} (case-insensitive segments, OData keys, percent-encoded
 * ids), which JAX-RS templates cannot express, so one catch-all path per method hands each request to the endpoint
 * of what it names.
 */
@Path("/")
public class GraphApiResource {

    private final AttachmentEndpoint attachments;
    private final AttachmentReadEndpoint attachmentReads;
    private final EventEndpoint events;

    GraphApiResource(AttachmentEndpoint attachments, AttachmentReadEndpoint attachmentReads, EventEndpoint events) {
        this.attachments = attachments;
        this.attachmentReads = attachmentReads;
        this.events = events;
    }

    @POST
    @Path("{path: .+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    public Response post(RoutingContext rc, InputStream body) {
        GraphResource target = resolve(rc);
        if (target instanceof AttachmentsPath path && path.isCollection()) {
            return attachments.add(rc, BearerTokenFilter.caller(rc), path.event(), body);
        }
        if (target instanceof EventsCollection collection) {
            return events.create(rc, BearerTokenFilter.caller(rc), collection.event(), body);
        }
        throw notAllowed(rc, target);
    }

    @DELETE
    @Path("{path: .+}")
    @Blocking
    public Response delete(RoutingContext rc) {
        GraphResource target = resolve(rc);
        if (target instanceof EventItem item) {
            return events.delete(BearerTokenFilter.caller(rc), item.event());
        }
        if (target instanceof AttachmentsPath path && path.attachmentId() != null && path.tail().isEmpty()) {
            return attachmentReads.delete(BearerTokenFilter.caller(rc), path.event(), path.attachmentId());
        }
        throw notAllowed(rc, target);
    }

    @GET
    @Path("{path: .*}")
    @Blocking
    public Response get(RoutingContext rc) {
        GraphResource target = resolve(rc);
        if (target instanceof EventItem item) {
            return events.get(rc, BearerTokenFilter.caller(rc), item.event());
        }
        if (target instanceof AttachmentsPath path) {
            return attachmentGet(rc, path);
        }
        throw notAllowed(rc, target);
    }

    @PUT
    @Path("{path: .*}")
    public Response put(RoutingContext rc) {
        throw notAllowed(rc, resolve(rc));
    }

    @PATCH
    @Path("{path: .*}")
    public Response patch(RoutingContext rc) {
        throw notAllowed(rc, resolve(rc));
    }

    private Response attachmentGet(RoutingContext rc, AttachmentsPath path) {
        var caller = BearerTokenFilter.caller(rc);
        List<String> tail = path.tail();
        if (path.isCollection()) {
            return attachmentReads.list(rc, caller, path.event());
        }
        if (path.attachmentId() == null && tail.size() == 1 && tail.get(0).equals("$count")) {
            return attachmentReads.count(rc, caller, path.event());
        }
        if (path.attachmentId() != null && tail.isEmpty()) {
            return attachmentReads.get(rc, caller, path.event(), path.attachmentId());
        }
        if (path.attachmentId() != null && tail.size() == 1 && tail.get(0).equals("$value")) {
            return attachmentReads.value(caller, path.event(), path.attachmentId());
        }
        throw GraphException.notFound("Resource not found for the segment '" + rc.request().path() + "'.");
    }

    private static GraphResource resolve(RoutingContext rc) {
        String raw = rc.request().path();
        return GraphPaths.resolve(raw).orElseThrow(() -> GraphException.notFound(
                "Resource not found for the segment '" + raw + "'."));
    }

    /** 405 with the methods this service answers on {@code target}. */
    private static GraphException notAllowed(RoutingContext rc, GraphResource target) {
        String allow = target instanceof EventItem ? "GET, DELETE"
                : target instanceof AttachmentsPath path && path.isCollection() ? "GET, POST"
                : target instanceof AttachmentsPath path && path.attachmentId() != null && path.tail().isEmpty()
                        ? "GET, DELETE"
                : target instanceof AttachmentsPath ? "GET" : "POST";
        return new GraphException(405, GraphErrorCodes.METHOD_NOT_ALLOWED,
                "The HTTP method '" + rc.request().method() + "' is not allowed for this resource.",
                allow.isEmpty() ? Map.of() : Map.of("Allow", allow), null);
    }
}
