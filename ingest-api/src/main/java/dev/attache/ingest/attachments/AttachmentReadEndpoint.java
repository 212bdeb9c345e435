package dev.attache.ingest.attachments;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import dev.attache.ingest.auth.Caller;
import dev.attache.ingest.auth.Permissions;
import dev.attache.ingest.content.ItemContent;
import dev.attache.ingest.content.ItemContentRenderer;
import dev.attache.ingest.error.GraphErrorCodes;
import dev.attache.ingest.error.GraphErrors;
import dev.attache.ingest.error.GraphException;
import dev.attache.ingest.http.PublicUrls;
import dev.attache.ingest.query.AttachmentEntityOptions;
import dev.attache.ingest.query.AttachmentQueryOptions;
import dev.attache.ingest.query.QueryResult;
import dev.attache.ingest.representation.AttachmentJsonWriter;
import dev.attache.ingest.representation.ODataUrls;
import dev.attache.ingest.representation.RawContentHeaders;
import dev.attache.ingest.route.EventPath;
import dev.attache.schemas.attachment.AttachmentRecord;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads and deletes an event's attachments: {@code GET …/attachments}, {@code …/attachments/$count},
 * {@code …/attachments/{A}}, {@code …/attachments/{A}/$value} and {@code DELETE …/attachments/{A}}. Records come from
 * the processor's state; only {@code contentBytes}, expanded items and {@code $value} touch S3.
 */
@ApplicationScoped
public class AttachmentReadEndpoint {

    private final AttachmentReads reads;
    private final DeleteAttachment deletes;
    private final AttachmentJsonWriter writer;
    private final PublicUrls urls;
    private final ItemContentRenderer items = new ItemContentRenderer();

    AttachmentReadEndpoint(AttachmentReads reads, DeleteAttachment deletes, AttachmentJsonWriter writer,
            PublicUrls urls) {
        this.reads = reads;
        this.deletes = deletes;
        this.writer = writer;
        this.urls = urls;
    }

    public Response list(RoutingContext rc, Caller caller, EventPath event) {
        Permissions.checkRead(caller, event);
        AttachmentQueryOptions options = AttachmentQueryOptions.parse(params(rc));
        QueryResult result = options.apply(reads.list(caller, event));
        String base = urls.baseUrl(rc);
        String ownerId = event.toRoute(caller.objectId()).ownerId();
        String nextLink = result.hasNextPage()
                ? base + rc.request().path() + "?" + options.nextLinkQuery(result.nextSkip().getAsInt()) : null;
        return json(writer.collection(result.value(), ODataUrls.collectionContext(base, event, ownerId),
                options::selects, options.count() ? (long) result.count() : null, nextLink));
    }

    public Response count(RoutingContext rc, Caller caller, EventPath event) {
        Permissions.checkRead(caller, event);
        QueryResult result = AttachmentQueryOptions.parse(params(rc)).apply(reads.list(caller, event));
        return Response.ok(Integer.toString(result.count())).type("text/plain").build();
    }

    public Response get(RoutingContext rc, Caller caller, EventPath event, String attachmentId) {
        Permissions.checkRead(caller, event);
        AttachmentRecord record = reads.get(caller, event, attachmentId);
        String base = urls.baseUrl(rc);
        String ownerId = event.toRoute(caller.objectId()).ownerId();
        AttachmentEntityOptions options = AttachmentEntityOptions.parse(params(rc));
        return json(writer.entity(record, ODataUrls.entityContext(base, event, ownerId), options::selects,
                options.expandItem(), ODataUrls.itemContext(base, event, ownerId, attachmentId)));
    }

    public Response value(Caller caller, EventPath event, String attachmentId) {
        Permissions.checkRead(caller, event);
        AttachmentRecord record = reads.get(caller, event, attachmentId);
        if ("#microsoft.graph.itemAttachment".equals(record.odataType())) {
            return itemValue(record);
        }
        if (!"#microsoft.graph.fileAttachment".equals(record.odataType())) {
            throw new GraphException(405, GraphErrorCodes.METHOD_NOT_ALLOWED,
                    "$value is not supported for " + record.odataType().substring(1) + ".", Map.of(), null);
        }
        InputStream content = writer.open(record);
        if (content == null) {
            throw contentUnavailable(null);
        }
        StreamingOutput stream = out -> {
            try (InputStream in = content) {
                in.transferTo(out);
            }
        };
        String type = record.contentType() == null ? "application/octet-stream" : record.contentType();
        Response.ResponseBuilder response = Response.ok(stream).type(type)
                .header("Content-Length", record.object().length());
        RawContentHeaders.of(type, record.name()).forEach(response::header);
        return response.build();
    }

    /** An item as iCalendar, vCard or MIME; items are at most 3 MB, so the conversion reads one whole. */
    private Response itemValue(AttachmentRecord record) {
        byte[] json;
        try (InputStream in = writer.open(record)) {
            if (in == null) {
                throw contentUnavailable(null);
            }
            json = in.readAllBytes();
        } catch (java.io.IOException e) {
            throw contentUnavailable(e);
        }
        ItemContent content = items.render(json, record.lastModifiedDateTime());
        Response.ResponseBuilder response = Response.ok(content.bytes()).type(content.contentType());
        RawContentHeaders.of(content.contentType(), record.name()).forEach(response::header);
        return response.build();
    }

    public Response delete(Caller caller, EventPath event, String attachmentId) {
        Permissions.checkWrite(caller, event);
        return Response.status(deletes.delete(caller, event, attachmentId) ? 204 : 202).build();
    }

    /** The query string, decoded once, as the query options module reads it. */
    private static Map<String, List<String>> params(RoutingContext rc) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        rc.queryParams().forEach(e -> params.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return params;
    }

    /** The store did not give the content: a read, so the client may retry. */
    private static GraphException contentUnavailable(Throwable cause) {
        return new GraphException(503, GraphErrorCodes.SERVICE_UNAVAILABLE,
                "The attachment content cannot be read right now. Retry the request.", Map.of("Retry-After", "1"),
                cause);
    }

    private static Response json(StreamingOutput body) {
        return Response.ok(body).type(GraphErrors.JSON).build();
    }
}
