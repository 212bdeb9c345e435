package dev.attache.bench.pipeline;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attache.bench.load.Operation;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pipeline as a client sees it: ingest-api's Graph API over HTTP/1.1, through the JDK's asynchronous
 * {@link HttpClient}, one connection per request in flight (the pool keeps them alive).
 */
public final class GraphClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final URI graphBase;
    private final String authorization;

    /** @param graphBase e.g. {@code http://localhost:8080/v1.0} */
    public GraphClient(URI graphBase, String token) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        this.graphBase = URI.create(graphBase.toString().replaceAll("/+$", "") + "/");
        this.authorization = "Bearer " + token;
    }

    /** Creates an event of the token's user and returns its id. */
    public String createEvent(String subject) throws IOException, InterruptedException {
        String body = JSON.createObjectNode().put("subject", subject).toString();
        HttpResponse<String> response = http.send(json(graphBase.resolve("me/events"))
                .POST(BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IOException("creating an event answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).path("id").asText();
    }

    /** Deletes an event and, by cascade, its attachments and their objects. */
    public void deleteEvent(String eventId) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(eventUri(eventId)).DELETE().build(),
                BodyHandlers.ofString());
        if (response.statusCode() != 204 && response.statusCode() != 404) {
            throw new IOException("deleting event " + eventId + " answered " + response.statusCode());
        }
    }

    /**
     * {@code POST …/events/{E}/attachments} with the same body each time, spread over {@code eventIds} in turn;
     * succeeds on 201 with an attachment id, after the whole response (which echoes the content) has been read.
     */
    public Operation addAttachment(FileAttachmentBody body, List<String> eventIds) {
        List<HttpRequest> requests = eventIds.stream()
                .map(id -> json(URI.create(eventUri(id) + "/attachments"))
                        .POST(BodyPublishers.ofByteArray(body.json())).build())
                .toList();
        AtomicLong next = new AtomicLong();
        return () -> http.sendAsync(requests.get((int) (next.getAndIncrement() % requests.size())),
                        BodyHandlers.ofByteArray())
                .thenApply(GraphClient::requireCreated);
    }

    /**
     * The same with {@code Prefer: return=minimal}: succeeds on 204 with a {@code Location}, nothing echoed.
     */
    public Operation addAttachmentMinimal(FileAttachmentBody body, List<String> eventIds) {
        List<HttpRequest> requests = eventIds.stream()
                .map(id -> json(URI.create(eventUri(id) + "/attachments"))
                        .header("Prefer", "return=minimal")
                        .POST(BodyPublishers.ofByteArray(body.json())).build())
                .toList();
        AtomicLong next = new AtomicLong();
        return () -> http.sendAsync(requests.get((int) (next.getAndIncrement() % requests.size())),
                        BodyHandlers.ofString())
                .thenApply(response -> {
                    if (response.statusCode() != 204 || response.headers().firstValue("Location").isEmpty()) {
                        throw new UnexpectedResponseException(response.statusCode(), response.body());
                    }
                    return response;
                });
    }

    /**
     * {@code POST /$batch} of {@code items} copies of {@code body}, each {@code return=minimal}, to one event of
     * {@code eventIds} in turn; succeeds when the batch is 200 and every item 201 or 204.
     */
    public Operation addAttachmentsInBatches(FileAttachmentBody body, int items, List<String> eventIds) {
        List<HttpRequest> requests = eventIds.stream()
                .map(id -> json(graphBase.resolve("$batch"))
                        .POST(BodyPublishers.ofByteArray(batchOf(body, items, id))).build())
                .toList();
        AtomicLong next = new AtomicLong();
        return () -> http.sendAsync(requests.get((int) (next.getAndIncrement() % requests.size())),
                        BodyHandlers.ofString())
                .thenApply(GraphClient::requireAllAdded);
    }

    /**
     * An upload session for {@code content} on one event of {@code eventIds} in turn, its slices of
     * {@code sliceBytes} PUT one after the other (as the SDK's task sends them); succeeds on the last one's 201 with a
     * {@code Location}.
     */
    public Operation uploadInSession(byte[] content, int sliceBytes, List<String> eventIds) {
        List<HttpRequest> opens = eventIds.stream()
                .map(id -> json(URI.create(eventUri(id) + "/attachments/createUploadSession"))
                        .POST(BodyPublishers.ofString("{\"AttachmentItem\":{\"attachmentType\":\"file\","
                                + "\"name\":\"bench-session.bin\",\"size\":" + content.length + "}}")).build())
                .toList();
        AtomicLong next = new AtomicLong();
        return () -> http.sendAsync(opens.get((int) (next.getAndIncrement() % opens.size())),
                        BodyHandlers.ofString())
                .thenCompose(opened -> {
                    if (opened.statusCode() != 201) {
                        throw new UnexpectedResponseException(opened.statusCode(), opened.body());
                    }
                    try {
                        return slices(JSON.readTree(opened.body()).path("uploadUrl").asText(), content, sliceBytes,
                                0);
                    } catch (IOException e) {
                        throw new UnexpectedResponseException(opened.statusCode(), opened.body());
                    }
                });
    }

    private java.util.concurrent.CompletableFuture<HttpResponse<String>> slices(String uploadUrl, byte[] content,
            int sliceBytes, int from) {
        int to = Math.min(content.length, from + sliceBytes);
        HttpRequest put = HttpRequest.newBuilder(URI.create(uploadUrl)).timeout(REQUEST_TIMEOUT)
                .header("Content-Range", "bytes " + from + "-" + (to - 1) + "/" + content.length)
                .PUT(BodyPublishers.ofByteArray(content, from, to - from)).build();
        return http.sendAsync(put, BodyHandlers.ofString()).thenCompose(response -> {
            boolean last = to == content.length;
            if (response.statusCode() != (last ? 201 : 200)
                    || last && response.headers().firstValue("Location").isEmpty()) {
                throw new UnexpectedResponseException(response.statusCode(), response.body());
            }
            return last ? java.util.concurrent.CompletableFuture.completedFuture(response)
                    : slices(uploadUrl, content, sliceBytes, to);
        });
    }

    private byte[] batchOf(FileAttachmentBody body, int items, String eventId) {
        try {
            var batch = JSON.createObjectNode();
            var requests = batch.putArray("requests");
            var attachment = JSON.readTree(body.json());
            for (int i = 0; i < items; i++) {
                var item = requests.addObject().put("id", Integer.toString(i)).put("method", "POST")
                        .put("url", "/me/events/" + URLEncoder.encode(eventId, UTF_8) + "/attachments");
                item.putObject("headers").put("Content-Type", "application/json").put("Prefer", "return=minimal");
                item.set("body", attachment);
            }
            return JSON.writeValueAsBytes(batch);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> requireAllAdded(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new UnexpectedResponseException(response.statusCode(), response.body());
        }
        try {
            for (var item : JSON.readTree(response.body()).path("responses")) {
                int status = item.path("status").asInt();
                if (status != 201 && status != 204) {
                    throw new UnexpectedResponseException(status, item.toString());
                }
            }
        } catch (IOException e) {
            throw new UnexpectedResponseException(200, "unreadable batch response: " + e.getMessage());
        }
        return response;
    }

    /** The new attachment's id; the parser stops there, so the echoed content costs the client no parsing. */
    private static String requireCreated(HttpResponse<byte[]> response) {
        if (response.statusCode() != 201) {
            throw new UnexpectedResponseException(response.statusCode(), new String(response.body(), UTF_8));
        }
        try (JsonParser parser = JSON.getFactory().createParser(response.body())) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                    String field = parser.currentName();
                    parser.nextToken();
                    if ("id".equals(field) && parser.currentToken() == JsonToken.VALUE_STRING) {
                        return parser.getText();
                    }
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UnexpectedResponseException(201, "unreadable body: " + e.getMessage());
        }
        throw new UnexpectedResponseException(201, "no id in the created attachment");
    }

    private URI eventUri(String eventId) {
        return graphBase.resolve("me/events/" + URLEncoder.encode(eventId, UTF_8));
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Authorization", authorization);
    }

    private HttpRequest.Builder json(URI uri) {
        return request(uri).header("Content-Type", "application/json");
    }
}
