package dev.attache.ingest.attachments;

import java.io.InputStream;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;

import org.jboss.logging.Logger;

import dev.attache.ingest.auth.Caller;
import dev.attache.ingest.auth.Permissions;
import dev.attache.ingest.content.ItemContent;
import dev.attache.ingest.content.ItemContentRenderer;
import dev.attache.ingest.error.GraphException;
import dev.attache.ingest.query.AttachmentEntityOptions;
import dev.attache.ingest.query.AttachmentQueryOptions;
import dev.attache.ingest.query.QueryResult;
import dev.attache.ingest.representation.AttachmentJsonWriter;
import dev.attache.ingest.representation.ContentSource;
import dev.attache.ingest.representation.ODataUrls;
import dev.attache.ingest.representation.RawContentHeaders;
import dev.attache.ingest.request.GraphRequest;
import dev.attache.ingest.request.GraphResponse;
import dev.attache.ingest.route.EventPath;
import dev.attache.ingest.s3.ObjectStore;
import dev.attache.ingest.s3.StoreFailedException;
import dev.attache.schemas.attachment.AttachmentRecord;
import dev.attache.schemas.graph.GraphErrorCodes;
import dev.attache.schemas.graph.ODataTypes;

/**
 * Reads and deletes an event's attachments: {@code GET …/attachments}, {@code …/attachments/$count},
 * {@code …/attachments/{A}}, {@code …/attachments/{A}/$value} and {@code DELETE …/attachments/{A}}. Records come from
 * the processor's state; only {@code contentBytes}, expanded items and {@code $value} touch S3.
 */
@ApplicationScoped
public class AttachmentReadEndpoint {

    private static final Logger LOG = Logger.getLogger(AttachmentReadEndpoint.class);

    private final AttachmentReads reads;
    private final DeleteAttachment deletes;
    private final AttachmentJsonWriter writer;
    private final ObjectStore store;
    private final ContentSource contents = this::open;
    private final ItemContentRenderer items = new ItemContentRenderer();

    AttachmentReadEndpoint(AttachmentReads reads, DeleteAttachment deletes, AttachmentJsonWriter writer,
            ObjectStore store) {
        this.reads = reads;
        this.deletes = deletes;
        this.writer = writer;
        this.store = store;
    }

    public GraphResponse list(GraphRequest request, EventPath event) {
        Caller caller = request.caller();
        Permissions.checkRead(caller, event);
        AttachmentQueryOptions options = AttachmentQueryOptions.parse(request.query());
        QueryResult result = options.apply(reads.list(caller, event));
        String base = request.baseUrl();
        String ownerId = event.toRoute(caller.objectId()).ownerId();
        String nextLink = result.hasNextPage()
                ? base + request.path() + "?" + options.nextLinkQuery(result.nextSkip().getAsInt()) : null;
        return GraphResponse.json(200, writer.collection(result.value(),
                ODataUrls.collectionContext(base, event, ownerId),
                options::selects, options.count() ? (long) result.count() : null, nextLink, contents));
    }

    public GraphResponse count(GraphRequest request, EventPath event) {
        Caller caller = request.caller();
        Permissions.checkRead(caller, event);
        QueryResult result = AttachmentQueryOptions.parse(request.query()).apply(reads.list(caller, event));
        byte[] count = Integer.toString(result.count()).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return GraphResponse.of(200, "text/plain", count.length, out -> out.write(count));
    }

    public GraphResponse get(GraphRequest request, EventPath event, String attachmentId) {
        Caller caller = request.caller();
        Permissions.checkRead(caller, event);
        AttachmentRecord record = reads.get(caller, event, attachmentId);
        String base = request.baseUrl();
        String ownerId = event.toRoute(caller.objectId()).ownerId();
        AttachmentEntityOptions options = AttachmentEntityOptions.parse(request.query());
        return GraphResponse.json(200, writer.entity(record, ODataUrls.entityContext(base, event, ownerId),
                options::selects,
                options.expandItem(), ODataUrls.itemContext(base, event, ownerId, attachmentId), contents));
    }

    public GraphResponse value(GraphRequest request, EventPath event, String attachmentId) {
        Caller caller = request.caller();
        Permissions.checkRead(caller, event);
        AttachmentRecord record = reads.get(caller, event, attachmentId);
        if (ODataTypes.ITEM_ATTACHMENT.equals(record.odataType())) {
            return itemValue(record);
        }
        if (!ODataTypes.FILE_ATTACHMENT.equals(record.odataType())) {
            throw new GraphException(405, GraphErrorCodes.METHOD_NOT_ALLOWED,
                    "$value is not supported for " + record.odataType().substring(1) + ".", Map.of(), null);
        }
        InputStream content = open(record);
        if (content == null) {
            throw contentUnavailable(null);
        }
        StreamingOutput stream = out -> {
            try (InputStream in = content) {
                in.transferTo(out);
            }
        };
        String type = record.contentType() == null ? "application/octet-stream" : record.contentType();
        return GraphResponse.of(200, type, record.object().length(), stream)
                .withHeaders(RawContentHeaders.of(type, record.name()));
    }

    /** An item as iCalendar, vCard or MIME; items are at most 3 MB, so the conversion reads one whole. */
    private GraphResponse itemValue(AttachmentRecord record) {
        byte[] json;
        try (InputStream in = open(record)) {
            if (in == null) {
                throw contentUnavailable(null);
            }
            json = in.readAllBytes();
        } catch (java.io.IOException e) {
            throw contentUnavailable(e);
        }
        ItemContent content = items.render(json, record.lastModifiedDateTime());
        byte[] bytes = content.bytes();
        return GraphResponse.of(200, content.contentType(), bytes.length, out -> out.write(bytes))
                .withHeaders(RawContentHeaders.of(content.contentType(), record.name()));
    }

    public GraphResponse delete(GraphRequest request, EventPath event, String attachmentId) {
        Caller caller = request.caller();
        Permissions.checkWrite(caller, event);
        return GraphResponse.empty(deletes.delete(caller, event, attachmentId, request.ids().trace()) ? 204
                : 202);
    }

    /** A record's stored content, or null (logged) when the store does not give it now. */
    private InputStream open(AttachmentRecord record) {
        try {
            return store.open(record.object());
        } catch (StoreFailedException e) {
            LOG.warnf("Stored content of %s unreadable: %s", record.attachmentId(), e);
            return null;
        }
    }

    /** The store did not give the content: a read, so the client may retry. */
    private static GraphException contentUnavailable(Throwable cause) {
        return new GraphException(503, GraphErrorCodes.SERVICE_UNAVAILABLE,
                "The attachment content cannot be read right now. Retry the request.", Map.of("Retry-After", "1"),
                cause);
    }
}
