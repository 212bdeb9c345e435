package dev.attache.ingest.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.attache.ingest.support.Events;
import dev.attache.ingest.support.PipelineStack;
import dev.attache.ingest.support.Spool;
import dev.attache.ingest.support.StackClients;
import dev.attache.ingest.support.Tokens;
import dev.attache.ingest.spool.SpoolDirectory;
import dev.attache.schemas.kafka.ContractJson;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Graph's 4 MB request limit (4,194,304 bytes): a body of exactly that is taken, one byte more is not. */
@QuarkusTest
@QuarkusTestResource(PipelineStack.class)
class RequestLimitTest {

    static final int LIMIT = 4 * 1024 * 1024;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** The largest bodies spool the most: every one of them must leave the spool empty. */
    @Inject
    SpoolDirectory spool;

    /** A file-attachment body of exactly {@code total} bytes: as much content as fits, then JSON whitespace. */
    static final String PREFIX = "{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"big.bin\",\"contentBytes\":\"";
    static final String SUFFIX = "\"}";

    static int contentLength(int total) {
        return (total - PREFIX.length() - SUFFIX.length()) / 4 * 3;
    }

    static byte[] bodyOf(int total) {
        String prefix = PREFIX;
        String suffix = SUFFIX;
        byte[] content = new byte[contentLength(total)];
        Arrays.fill(content, (byte) 7);
        String json = prefix + Base64.getEncoder().encodeToString(content) + suffix;
        return (json + " ".repeat(total - json.length())).getBytes(StandardCharsets.US_ASCII);
    }

    static URI uri(String token) {
        return URI.create("http://localhost:" + RestAssured.port + path(token));
    }

    /** The attachments of a new event of the token's user. */
    static String path(String token) {
        return "/v1.0/me/events/" + Events.create(token, "/v1.0/me/events") + "/attachments";
    }

    @Test
    void aBodyOfExactlyTheLimitIsAccepted() throws Exception {
        String tenant = Tokens.newTenant();
        String token = Tokens.user(tenant);
        byte[] body = bodyOf(LIMIT);

        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(token))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode json = ContractJson.MAPPER.readTree(response.body());
        assertThat(json.get("size").asInt()).isEqualTo(contentLength(LIMIT));
        assertThat(StackClients.stat(tenant + "/" + json.get("id").asText()).size()).isEqualTo(json.get("size").asLong());
        Spool.awaitEmpty(spool);
    }

    @Test
    void aChunkedBodyOneByteOverTheLimitIsRefusedAndLeavesNothing() throws Exception {
        String tenant = Tokens.newTenant();
        String token = Tokens.user(tenant);
        byte[] body = bodyOf(LIMIT + 1);

        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(token))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(ContractJson.MAPPER.readTree(response.body()).at("/error/code").asText()).isEqualTo("RequestEntityTooLarge");
        assertThat(StackClients.objectKeys(tenant + "/")).isEmpty();
        // 4 MiB of content were spooled before the limit was seen; the refusal must drop them
        Spool.awaitEmpty(spool);
    }

    @Test
    void aContentLengthOverTheLimitIsRefusedBeforeTheBodyIsSent() throws Exception {
        String tenant = Tokens.newTenant();
        String token = Tokens.user(tenant);
        String path = path(token);
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            // Headers only: if the server waited for the body, the read below would time out.
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + (LIMIT + 1) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String status = in.readLine();
            StringBuilder rest = new StringBuilder();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                rest.append(line).append('\n');
            }
            assertThat(status).startsWith("HTTP/1.1 413");
            assertThat(rest).containsIgnoringCase("content-type: application/json").contains("\"RequestEntityTooLarge\"");
        }
        assertThat(StackClients.objectKeys(tenant + "/")).isEmpty();
        Spool.awaitEmpty(spool);
    }
}
