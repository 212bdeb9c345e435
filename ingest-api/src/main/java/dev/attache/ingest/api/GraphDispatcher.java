package dev.attache.ingest.api;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.attache.ingest.attachments.AttachmentEndpoint;
import dev.attache.ingest.attachments.AttachmentReadEndpoint;
import dev.attache.ingest.error.GraphException;
import dev.attache.ingest.events.EventEndpoint;
import dev.attache.ingest.request.GraphRequest;
import dev.attache.ingest.request.GraphResponse;
import dev.attache.ingest.route.AttachmentsPath;
import dev.attache.ingest.route.EventItem;
import dev.attache.ingest.route.EventsCollection;
import dev.attache.ingest.route.GraphPaths;
import dev.attache.ingest.route.GraphResource;
import dev.attache.ingest.sessions.UploadSessionEndpoint;
import dev.attache.schemas.graph.GraphErrorCodes;

/**
 * Hands a Graph request to the endpoint of what its path names. Paths are resolved by {@link GraphPaths}
 * (case-insensitive segments, OData keys, percent-encoded ids). One dispatcher serves the HTTP resource and the items
 * of a {@code $batch} alike, so an item is answered exactly as the same request sent alone.
 */
@ApplicationScoped
public class GraphDispatcher {

    private final AttachmentEndpoint attachments;
    private final AttachmentReadEndpoint attachmentReads;
    private final EventEndpoint events;
    private final UploadSessionEndpoint uploadSessions;

    GraphDispatcher(AttachmentEndpoint attachments, AttachmentReadEndpoint attachmentReads, EventEndpoint events,
            UploadSessionEndpoint uploadSessions) {
        this.attachments = attachments;
        this.attachmentReads = attachmentReads;
        this.events = events;
        this.uploadSessions = uploadSessions;
    }

    /** The endpoint's answer; a refusal is thrown as a {@link GraphException}. */
    public GraphResponse dispatch(GraphRequest request) {
        GraphResource target = GraphPaths.resolve(request.path()).orElseThrow(() -> GraphException.notFound(
                "Resource not found for the segment '" + request.path() + "'."));
        return switch (request.method()) {
            case "POST" -> post(request, target);
            case "GET" -> get(request, target);
            case "DELETE" -> delete(request, target);
            default -> throw notAllowed(request, target);
        };
    }

    private GraphResponse post(GraphRequest request, GraphResource target) {
        if (target instanceof AttachmentsPath path && path.isCollection()) {
            return attachments.add(request, path.event());
        }
        if (target instanceof EventsCollection collection) {
            return events.create(request, collection.event());
        }
        if (target instanceof AttachmentsPath path && createsUploadSession(path)) {
            return uploadSessions.create(request, path.event());
        }
        throw notAllowed(request, target);
    }

    /** {@code …/attachments/createUploadSession}, the action's name also namespace-qualified. */
    private static boolean createsUploadSession(AttachmentsPath path) {
        return path.attachmentId() == null && path.tail().size() == 1
                && (path.tail().get(0).equalsIgnoreCase("createUploadSession")
                        || path.tail().get(0).equalsIgnoreCase("microsoft.graph.createUploadSession"));
    }

    private GraphResponse delete(GraphRequest request, GraphResource target) {
        if (target instanceof EventItem item) {
            return events.delete(request, item.event());
        }
        if (target instanceof AttachmentsPath path && path.attachmentId() != null && path.tail().isEmpty()) {
            return attachmentReads.delete(request, path.event(), path.attachmentId());
        }
        throw notAllowed(request, target);
    }

    private GraphResponse get(GraphRequest request, GraphResource target) {
        if (target instanceof EventItem item) {
            return events.get(request, item.event());
        }
        if (target instanceof AttachmentsPath path) {
            return attachmentGet(request, path);
        }
        throw notAllowed(request, target);
    }

    private GraphResponse attachmentGet(GraphRequest request, AttachmentsPath path) {
        List<String> tail = path.tail();
        if (path.isCollection()) {
            return attachmentReads.list(request, path.event());
        }
        if (path.attachmentId() == null && tail.size() == 1 && tail.get(0).equals("$count")) {
            return attachmentReads.count(request, path.event());
        }
        if (path.attachmentId() != null && tail.isEmpty()) {
            return attachmentReads.get(request, path.event(), path.attachmentId());
        }
        if (path.attachmentId() != null && tail.size() == 1 && tail.get(0).equals("$value")) {
            return attachmentReads.value(request, path.event(), path.attachmentId());
        }
        if (createsUploadSession(path)) {
            throw notAllowed(request, path);
        }
        throw GraphException.notFound("Resource not found for the segment '" + request.path() + "'.");
    }

    /** 405 with the methods this service answers on {@code target}. */
    private static GraphException notAllowed(GraphRequest request, GraphResource target) {
        String allow = target instanceof EventItem ? "GET, DELETE"
                : target instanceof AttachmentsPath path && path.isCollection() ? "GET, POST"
                : target instanceof AttachmentsPath path && path.attachmentId() != null && path.tail().isEmpty()
                        ? "GET, DELETE"
                : target instanceof AttachmentsPath ? "GET" : "POST";
        return new GraphException(405, GraphErrorCodes.METHOD_NOT_ALLOWED,
                "The HTTP method '" + request.method() + "' is not allowed for this resource.", Map.of("Allow", allow),
                null);
    }
}
