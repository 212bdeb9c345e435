package dev.attache.ingest.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.attache.ingest.error.GraphException;
import dev.attache.ingest.request.GraphRequest;
import dev.attache.ingest.request.RequestIds;
import dev.attache.ingest.route.EventPath;
import dev.attache.ingest.route.GraphPaths;
import dev.attache.schemas.attachment.Route;
import dev.attache.schemas.graph.GraphErrorCodes;
import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * A batch item as the request the dispatcher takes: its URL under the batch's version, its own ids, the batch's
 * caller (an item's own {@code Authorization} is ignored: the batch's token authorises every item), its body as JSON
 * bytes; and the mailbox it addresses, which bounds how many items run at once.
 *
 * @param refusal why the item cannot run at all (a body without a JSON content type), or null
 */
record ItemRequest(GraphRequest request, String mailbox, GraphException refusal) {

    static ItemRequest of(BatchItem item, GraphRequest batch, String apiVersion) {
        String url = item.url().startsWith("/") ? item.url() : "/" + item.url();
        int question = url.indexOf('?');
        String path = "/" + apiVersion + (question < 0 ? url : url.substring(0, question));
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (question >= 0) {
            try {
                new QueryStringDecoder(url.substring(question), false).parameters()
                        .forEach((name, values) -> query.put(name, new ArrayList<>(values)));
            } catch (IllegalArgumentException e) {
                return refused(item, batch, path, GraphException.badRequest("The query of request '" + item.id()
                        + "' is not validly percent-encoded."));
            }
        }
        Map<String, String> headers = new LinkedHashMap<>(item.headers());
        headers.remove("Authorization");
        RequestIds ids = RequestIds.assign(headers.getOrDefault("client-request-id",
                batch.ids().sentClientRequestId()));
        GraphRequest request = new GraphRequest(item.method(), batch.baseUrl(), path, query, headers, batch.caller(),
                ids, BatchEndpoint.bytes(item.body()));
        return new ItemRequest(request, mailbox(path, batch), bodyRefusal(item, request));
    }

    private static ItemRequest refused(BatchItem item, GraphRequest batch, String path, GraphException why) {
        GraphRequest request = new GraphRequest(item.method(), batch.baseUrl(), path, Map.of(), item.headers(),
                batch.caller(), RequestIds.assign(batch.ids().sentClientRequestId()), BatchEndpoint.bytes(null));
        return new ItemRequest(request, mailbox(path, batch), why);
    }

    /** A body must say it is JSON, as an HTTP request's {@code Content-Type} must (Graph requires it in a batch). */
    private static GraphException bodyRefusal(BatchItem item, GraphRequest request) {
        if (item.body() == null) {
            return null;
        }
        String type = request.header("Content-Type");
        if (type == null) {
            return GraphException.badRequest("Request '" + item.id() + "' has a body but no Content-Type header.");
        }
        if (!type.strip().toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return new GraphException(415, GraphErrorCodes.UNSUPPORTED_MEDIA_TYPE,
                    "The request body must be JSON (Content-Type: application/json).");
        }
        return null;
    }

    /** The owner the path addresses ({@code me} is the caller); every unresolvable path counts as one mailbox. */
    private static String mailbox(String path, GraphRequest batch) {
        try {
            return GraphPaths.resolve(path).map(resource -> owner(resource.event(), batch)).orElse("");
        } catch (GraphException unresolvable) {
            return "";
        }
    }

    private static String owner(EventPath event, GraphRequest batch) {
        Route route = event.toRoute(batch.caller().objectId());
        return route.ownerKind() + ":" + route.ownerId().toLowerCase(Locale.ROOT);
    }
}
