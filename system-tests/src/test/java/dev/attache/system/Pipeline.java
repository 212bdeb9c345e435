package dev.attache.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attache.local.jwt.ServiceKeys;
import dev.attache.schemas.internal.ServiceToken;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A Graph client of the pipeline, as a bulk uploader would write one: plain HTTP, one event, unique names. */
final class Pipeline {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One answer: the status (0 when there was none: refused connection, reset, timeout), and the body. */
    record Answer(int status, String body, Optional<String> retryAfter) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private final String graphBase;
    private final String token;

    Pipeline(String graphBase, String token) {
        this.graphBase = graphBase;
        this.token = token;
    }

    Answer createEvent() {
        return send(HttpRequest.newBuilder(URI.create(graphBase + "/me/events"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"subject\":\"Bulk upload\"}")));
    }

    /** Adds a small file attachment named {@code name} to {@code event}. */
    Answer add(String event, String name) {
        String body = "{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"" + name
                + "\",\"contentBytes\":\"" + java.util.Base64.getEncoder().encodeToString(
                        ("content of " + name).getBytes(StandardCharsets.UTF_8)) + "\"}";
        return send(HttpRequest.newBuilder(URI.create(attachments(event))).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer get(String event, String attachmentId) {
        return send(HttpRequest.newBuilder(URI.create(attachments(event) + "/" + encode(attachmentId))).GET());
    }

    /** Every attachment of {@code event} as (id, name), following the pages; empty when the read failed. */
    Optional<List<String[]>> list(String event) {
        List<String[]> all = new ArrayList<>();
        String next = attachments(event) + "?$select=id,name&$top=500";
        while (next != null) {
            Answer page = send(HttpRequest.newBuilder(URI.create(next)).GET());
            if (page.status() != 200) {
                return Optional.empty();
            }
            JsonNode json = page.json();
            json.path("value").forEach(a -> all.add(new String[] {a.path("id").asText(), a.path("name").asText()}));
            next = json.hasNonNull("@odata.nextLink") ? json.get("@odata.nextLink").asText() : null;
        }
        return Optional.of(all);
    }

    /** Asks the processor for a sweep now, signed with the stack's service key as {@code ./attache sweep} does. */
    static Answer sweep(String processorUrl, ServiceKeys keys) {
        String token = Jwt.issuer(ServiceToken.ISSUER).audience(ServiceToken.AUDIENCE).subject("system-tests")
                .claim(ServiceToken.PATH_CLAIM, "/internal/sweep")
                .claim(ServiceToken.BODY_HASH_CLAIM, ServiceToken.bodyHash(new byte[0]))
                .expiresIn(Duration.ofSeconds(ServiceToken.LIFETIME_SECONDS))
                .jws().algorithm(SignatureAlgorithm.ES256).keyId(keys.keyId()).sign(keys.pair().privateKey());
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(processorUrl
                    + "/internal/sweep")).timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), Optional.empty());
        } catch (IOException e) {
            return new Answer(0, e.toString(), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, e.toString(), Optional.empty());
        }
    }

    private String attachments(String event) {
        return graphBase + "/me/events/" + encode(event) + "/attachments";
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers().firstValue("Retry-After"));
        } catch (IOException e) {
            return new Answer(0, e.toString(), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, e.toString(), Optional.empty());
        }
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
