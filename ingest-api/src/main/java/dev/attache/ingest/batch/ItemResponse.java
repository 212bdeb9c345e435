package dev.attache.ingest.batch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.attache.ingest.error.GraphErrorBody;
import dev.attache.ingest.request.GraphResponse;
import dev.attache.ingest.request.RequestIds;

/**
 * What one item of a batch answered, its body already written: JSON is embedded in the batch response as is, text as
 * a string, anything else as base64 (docs/graph-compatibility.md §6). Every item carries its own {@code request-id}.
 */
record ItemResponse(String id, int status, Map<String, String> headers, byte[] body, boolean json)
        implements BatchScheduler.Outcome {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The answer to a GET is held only as far as {@code budget} allows; a create's always is. */
    static ItemResponse written(String id, boolean read, GraphResponse response, RequestIds ids,
            ResponseBudget budget) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("request-id", ids.requestId());
        headers.put("client-request-id", ids.clientRequestId());
        if (response.contentType() != null) {
            headers.put("Content-Type", response.contentType());
        }
        headers.putAll(response.headers());
        if (response.body() == null) {
            return new ItemResponse(id, response.status(), headers, null, false);
        }
        ByteArrayOutputStream body = read ? budget.forRead() : new ByteArrayOutputStream();
        response.body().write(body);
        if (read) {
            budget.takeForRead(body.size());
        } else {
            budget.takeForCreate(body.size());
        }
        boolean json = response.contentType() != null && response.contentType().startsWith("application/json");
        return new ItemResponse(id, response.status(), headers, body.toByteArray(), json);
    }

    static ItemResponse error(String id, int status, String code, String message,
            Map<String, String> extra, RequestIds ids) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("request-id", ids.requestId());
        headers.put("client-request-id", ids.clientRequestId());
        headers.put("Content-Type", GraphResponse.JSON);
        headers.putAll(extra);
        try {
            byte[] body = JSON.writeValueAsBytes(GraphErrorBody.of(code, message, ids.requestId(),
                    ids.clientRequestId()));
            return new ItemResponse(id, status, headers, body, true);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void writeAll(List<ItemResponse> responses, OutputStream out) throws IOException {
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("responses");
            for (ItemResponse response : responses) {
                g.writeStartObject();
                g.writeStringField("id", response.id());
                g.writeNumberField("status", response.status());
                g.writeObjectFieldStart("headers");
                for (Map.Entry<String, String> header : response.headers().entrySet()) {
                    g.writeStringField(header.getKey(), header.getValue());
                }
                g.writeEndObject();
                if (response.body() == null) {
                    g.writeNullField("body");
                } else if (response.json()) {
                    g.writeFieldName("body");
                    g.writeRawValue(new String(response.body(), StandardCharsets.UTF_8));
                } else {
                    g.writeFieldName("body");
                    writeOpaque(g, response);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** Text as a string, anything else base64 (Graph's rule for bodies a batch cannot embed as JSON). */
    private static void writeOpaque(JsonGenerator g, ItemResponse response) throws IOException {
        String type = response.headers().getOrDefault("Content-Type", "");
        if (type.startsWith("text/")) {
            g.writeString(new String(response.body(), StandardCharsets.UTF_8));
        } else {
            g.writeBinary(response.body());
        }
    }
}
