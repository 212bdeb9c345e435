package dev.attache.ingest.batch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import dev.attache.ingest.error.GraphException;

/**
 * A JSON batch read and checked as a whole before any item runs: at most {@value #MAX_ITEMS} requests, each with an
 * id, a method and a relative URL; ids unique; every {@code dependsOn} naming an item of the batch; no cycle. Any
 * defect refuses the whole batch with a {@code 400} in Graph's envelope, and nothing runs. Pure: a tree in, a plan out.
 */
public final class BatchPlan {

    /** Graph's limit on the requests of one batch. */
    public static final int MAX_ITEMS = 20;

    private final List<BatchItem> items;

    private BatchPlan(List<BatchItem> items) {
        this.items = items;
    }

    /** The items, in the order the client listed them. */
    public List<BatchItem> items() {
        return items;
    }

    /** Reads {@code root}, the batch body; a {@link GraphException} (400) names the first defect found. */
    public static BatchPlan of(JsonNode root) {
        JsonNode requests = root == null || !root.isObject() ? null : root.get("requests");
        if (requests == null || !requests.isArray()) {
            throw invalid("The batch must be a JSON object with a \"requests\" array.");
        }
        if (requests.isEmpty()) {
            throw invalid("The batch has no requests.");
        }
        if (requests.size() > MAX_ITEMS) {
            throw invalid("Number of requests inside batch exceeds the limit of " + MAX_ITEMS + ".");
        }
        List<BatchItem> items = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode request : requests) {
            BatchItem item = item(request);
            if (!ids.add(item.id())) {
                throw invalid("The batch has more than one request with id '" + item.id() + "'.");
            }
            items.add(item);
        }
        for (BatchItem item : items) {
            for (String dependency : item.dependsOn()) {
                if (!ids.contains(dependency)) {
                    throw invalid("Request '" + item.id() + "' depends on '" + dependency
                            + "', which is not in the batch.");
                }
                if (dependency.equals(item.id())) {
                    throw invalid("Request '" + item.id() + "' depends on itself.");
                }
            }
        }
        rejectCycles(items);
        return new BatchPlan(List.copyOf(items));
    }

    private static BatchItem item(JsonNode request) {
        if (!request.isObject()) {
            throw invalid("Each request of the batch must be a JSON object.");
        }
        String id = text(request, "id");
        String method = text(request, "method");
        String url = text(request, "url");
        if (id == null || id.isEmpty() || id.length() > 128) {
            throw invalid("Each request needs an \"id\" (a string of 1 to 128 characters).");
        }
        if (method == null || !method.matches("[A-Za-z]{1,16}")) {
            throw invalid("Request '" + id + "' needs a \"method\".");
        }
        if (url == null || url.isEmpty() || url.contains("://") || url.startsWith("//")
                || url.chars().anyMatch(c -> c <= 0x20 || c >= 0x7F)) {
            throw invalid("Request '" + id + "' needs a \"url\" relative to the version, such as "
                    + "\"/me/events/{id}/attachments\".");
        }
        return new BatchItem(id, method.toUpperCase(Locale.ROOT), url, headers(id, request.get("headers")),
                body(id, request.get("body")), dependsOn(id, request.get("dependsOn")));
    }

    private static Map<String, String> headers(String id, JsonNode headers) {
        Map<String, String> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers == null || headers.isNull()) {
            return out;
        }
        if (!headers.isObject()) {
            throw invalid("The \"headers\" of request '" + id + "' must be an object of strings.");
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = headers.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> header = fields.next();
            if (!header.getValue().isTextual()) {
                throw invalid("The header '" + header.getKey() + "' of request '" + id + "' must be a string.");
            }
            // the SDK sends both "content-type" and "Content-Type": names compare without case
            out.putIfAbsent(header.getKey(), header.getValue().asText());
        }
        return out;
    }

    private static JsonNode body(String id, JsonNode body) {
        if (body == null || body.isNull()) {
            return null;
        }
        if (!body.isObject()) {
            throw invalid("The \"body\" of request '" + id + "' must be a JSON object.");
        }
        return body;
    }

    private static List<String> dependsOn(String id, JsonNode dependsOn) {
        if (dependsOn == null || dependsOn.isNull()) {
            return List.of();
        }
        if (!dependsOn.isArray()) {
            throw invalid("The \"dependsOn\" of request '" + id + "' must be an array of request ids.");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode dependency : dependsOn) {
            if (!dependency.isTextual()) {
                throw invalid("The \"dependsOn\" of request '" + id + "' must be an array of request ids.");
            }
            ids.add(dependency.asText());
        }
        return List.copyOf(ids);
    }

    /** Depth-first, three colours: a grey item met again closes a cycle. */
    private static void rejectCycles(List<BatchItem> items) {
        Map<String, BatchItem> byId = new HashMap<>();
        items.forEach(item -> byId.put(item.id(), item));
        Map<String, Integer> colour = new HashMap<>();
        for (BatchItem item : items) {
            visit(item, byId, colour);
        }
    }

    private static void visit(BatchItem item, Map<String, BatchItem> byId, Map<String, Integer> colour) {
        Integer seen = colour.get(item.id());
        if (seen != null) {
            if (seen == 1) {
                throw invalid("The requests of the batch depend on each other in a cycle through '" + item.id()
                        + "'.");
            }
            return;
        }
        colour.put(item.id(), 1);
        for (String dependency : item.dependsOn()) {
            visit(byId.get(dependency), byId, colour);
        }
        colour.put(item.id(), 2);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static GraphException invalid(String message) {
        return GraphException.badRequest(message);
    }
}
