package dev.attache.local.upload;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import dev.attache.schemas.kafka.ContractJson;

/**
 * The Graph calls {@code attache upload} makes, over plain HTTP: create an event, add a small file, open an upload
 * session, read its status, send a slice. Every create carries an {@code Idempotency-Key}.
 */
public final class UploadClient {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    /** What a call answered that the caller acts on. */
    public record Answer(int status, JsonNode body, String location, boolean replayed) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        String error() {
            JsonNode message = body == null ? null : body.at("/error/message");
            return "HTTP " + status + (message == null || message.isMissingNode() ? "" : ": " + message.asText());
        }
    }

    /** An upload session: where its bytes go, and whether it was opened before (by an earlier run). */
    public record Session(String uploadUrl, boolean replayed) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String token;

    public UploadClient(URI base, String token) {
        this.base = base.toString().replaceAll("/+$", "");
        this.token = token;
    }

    /** {@code POST /v1.0/me/events}; the event's id. */
    public String createEvent(String subject, String start, String end, String key) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", subject);
        body.put("start", Map.of("dateTime", start, "timeZone", "UTC"));
        body.put("end", Map.of("dateTime", end, "timeZone", "UTC"));
        Answer answer = send(graph("/v1.0/me/events").header("Idempotency-Key", key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(ContractJson.MAPPER.writeValueAsBytes(body))));
        if (!answer.ok()) {
            throw new IOException("the event was not created: " + answer.error());
        }
        return answer.body().get("id").asText();
    }

    /** {@code POST …/attachments} of a small file, answered {@code return=minimal}; the answer (id from Location). */
    public Answer post(String eventId, Path file, String contentType, String key) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.type", "#microsoft.graph.fileAttachment");
        body.put("name", file.getFileName().toString());
        if (contentType != null) {
            body.put("contentType", contentType);
        }
        body.put("contentBytes", Base64.getEncoder().encodeToString(Files.readAllBytes(file)));
        return send(graph(attachments(eventId)).header("Idempotency-Key", key).header("Prefer", "return=minimal")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(ContractJson.MAPPER.writeValueAsBytes(body))));
    }

    /** {@code POST …/attachments/createUploadSession}. */
    public Session open(String eventId, String name, long size, String contentType, String key) throws IOException {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("attachmentType", "file");
        item.put("name", name);
        item.put("size", size);
        if (contentType != null) {
            item.put("contentType", contentType);
        }
        Answer answer = send(graph(attachments(eventId) + "/createUploadSession").header("Idempotency-Key", key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(
                        ContractJson.MAPPER.writeValueAsBytes(Map.of("AttachmentItem", item)))));
        if (!answer.ok()) {
            throw new IOException("no upload session: " + answer.error());
        }
        return new Session(answer.body().get("uploadUrl").asText(), answer.replayed());
    }

    /** Where the session expects the next byte; {@code -1} once it has them all. */
    public long next(String uploadUrl) throws IOException {
        Answer answer = send(HttpRequest.newBuilder(URI.create(uploadUrl)).timeout(TIMEOUT).GET());
        if (!answer.ok()) {
            throw new IOException("the session's status: " + answer.error());
        }
        JsonNode ranges = answer.body().get("nextExpectedRanges");
        if (ranges == null || ranges.isEmpty()) {
            return -1;
        }
        String first = ranges.get(0).asText();
        int dash = first.indexOf('-');
        return Long.parseLong(dash < 0 ? first : first.substring(0, dash));
    }

    /** {@code PUT} of {@code file[from, to)}, read from the file as it is sent. */
    public Answer put(String uploadUrl, Path file, long from, long to, long size) throws IOException {
        Supplier<InputStream> slice = () -> {
            try {
                FileChannel channel = FileChannel.open(file).position(from);
                return new SliceStream(Channels.newInputStream(channel), to - from);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        return send(HttpRequest.newBuilder(URI.create(uploadUrl)).timeout(TIMEOUT)
                .header("Content-Range", "bytes " + from + "-" + (to - 1) + "/" + size)
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(slice),
                        to - from)));
    }

    /** The attachment id in a {@code Location}: {@code …/attachments/{id}} or {@code …/attachments('{id}')}. */
    public static String attachmentId(String location) {
        String tail = location.substring(location.lastIndexOf("attachments") + "attachments".length());
        String id = tail.startsWith("('") ? tail.substring(2, tail.length() - 2) : tail.substring(1);
        return URLDecoder.decode(id, StandardCharsets.UTF_8);
    }

    private String attachments(String eventId) {
        return "/v1.0/me/events/" + encode(eventId) + "/attachments";
    }

    private HttpRequest.Builder graph(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).header("Authorization",
                "Bearer " + token);
    }

    private Answer send(HttpRequest.Builder request) throws IOException {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        JsonNode body = null;
        if (response.body().length > 0) {
            try {
                body = ContractJson.MAPPER.readTree(response.body());
            } catch (IOException e) {
                body = null; // not JSON: only the status counts
            }
        }
        return new Answer(response.statusCode(), body, response.headers().firstValue("Location").orElse(null),
                response.headers().firstValue("Idempotent-Replayed").map("true"::equalsIgnoreCase).orElse(false));
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The first {@code remaining} bytes of a stream. */
    private static final class SliceStream extends FilterInputStream {

        private long remaining;

        SliceStream(InputStream in, long length) {
            super(in);
            this.remaining = length;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            remaining -= b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            remaining -= Math.max(n, 0);
            return n;
        }
    }
}
