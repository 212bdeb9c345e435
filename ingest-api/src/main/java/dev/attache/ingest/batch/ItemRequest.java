package dev.attache.ingest.batch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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

    private static final ObjectMapper JSON = new ObjectMapper();

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
        Map<String, String> headers = headers(item, batch);
        RequestIds ids = RequestIds.assign(headers.get("client-request-id"));
        GraphRequest request = new GraphRequest(item.method(), batch.baseUrl(), path, query, headers, batch.caller(),
                ids, bytes(item.body()));
        return new ItemRequest(request, mailbox(path, batch), bodyRefusal(item, request));
    }

    private static ItemRequest refused(BatchItem item, GraphRequest batch, String path, GraphException why) {
        GraphRequest request = new GraphRequest(item.method(), batch.baseUrl(), path, Map.of(), headers(item, batch),
                batch.caller(), RequestIds.assign(batch.ids().sentClientRequestId()), InputStream.nullInputStream());
        return new ItemRequest(request, mailbox(path, batch), why);
    }

    /**
     * The item's headers as the dispatcher sees them: no {@code Authorization} of its own (the batch's token
     * authorises it); the batch's {@code Retry-Attempt} when the item has none, and a {@code client-request-id} of
     * its own derived from the batch's and the item's id, so the SDK resending a whole batch after a lost answer is
     * recognised item by item, while two identical items of one batch stay two.
     */
    private static Map<String, String> headers(BatchItem item, GraphRequest batch) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(item.headers());
        headers.remove("Authorization");
        String batchRequestId = batch.ids().sentClientRequestId();
        if (!headers.containsKey("client-request-id") && batchRequestId != null) {
            // within the 128 characters an echoable id may have: up to 64 of the batch's, a dot, 32 hex digits
            headers.put("client-request-id", batchRequestId.substring(0, Math.min(64, batchRequestId.length()))
                    + "." + HexFormat.of().formatHex(sha256(batchRequestId + "\0" + item.id()), 0, 16));
        }
        String retryAttempt = batch.header("Retry-Attempt");
        if (!headers.containsKey("Retry-Attempt") && retryAttempt != null) {
            headers.put("Retry-Attempt", retryAttempt);
        }
        return headers;
    }

    private static InputStream bytes(JsonNode body) {
        try {
            return body == null ? InputStream.nullInputStream()
                    : new ByteArrayInputStream(JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
