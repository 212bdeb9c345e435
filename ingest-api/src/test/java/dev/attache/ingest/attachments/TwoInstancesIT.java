package dev.attache.ingest.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.attache.ingest.support.EmbeddedStack;
import dev.attache.ingest.support.Tokens;
import dev.attache.schemas.kafka.ContractJson;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;

/**
 * Two packaged ingest-api processes on one cluster, one replies topic: each gets the replies to its own commands.
 * The first is the app under test; the second is started here from the same jar.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(EmbeddedStack.class)
class TwoInstancesIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static Process second;
    static int secondPort;

    @BeforeAll
    static void startSecondInstance() throws Exception {
        Properties stack = EmbeddedStack.ready();
        try (ServerSocket socket = new ServerSocket(0)) {
            secondPort = socket.getLocalPort();
        }
        Path log = Files.createTempFile("ingest-api-2-", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(secondPort));
        env.put("KAFKA_BOOTSTRAP_SERVERS", stack.getProperty("kafka.bootstrap.servers"));
        env.put("ATTACHE_S3_ENDPOINT", stack.getProperty("s3.endpoint"));
        env.put("ATTACHE_S3_ACCESS_KEY", stack.getProperty("s3.access-key"));
        env.put("ATTACHE_S3_SECRET_KEY", stack.getProperty("s3.secret-key"));
        env.put("ATTACHE_S3_BUCKET", stack.getProperty("s3.bucket"));
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", stack.getProperty("jwt.public-key"));
        env.put("MP_JWT_VERIFY_ISSUER", stack.getProperty("jwt.issuer"));
        second = builder.start();

        Instant deadline = Instant.now().plusSeconds(90);
        while (!ready(secondPort)) {
            assertThat(second.isAlive()).as("second instance exited:\n" + Files.readString(log)).isTrue();
            assertThat(Instant.now()).as("second instance not ready:\n" + Files.readString(log)).isBefore(deadline);
            second.waitFor(200, TimeUnit.MILLISECONDS);
        }
    }

    @AfterAll
    static void stopSecondInstance() throws InterruptedException {
        if (second != null) {
            second.destroy();
            if (!second.waitFor(30, TimeUnit.SECONDS)) {
                second.destroyForcibly();
            }
        }
    }

    static boolean ready(int port) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void eachInstanceGetsTheRepliesToItsOwnCommands() throws Exception {
        String token = Tokens.user(Tokens.newTenant());
        int[] ports = {RestAssured.port, secondPort};
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String name = "file-" + i + "-via-" + (i % 2) + ".txt";
            names.add(name);
            String body = "{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"" + name
                    + "\",\"contentBytes\":\"AQID\"}";
            responses.add(HTTP.sendAsync(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + ports[i % 2] + "/v1.0/me/events/EV" + (i % 3) + "/attachments"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
        }

        for (int i = 0; i < responses.size(); i++) {
            HttpResponse<String> response = responses.get(i).get(90, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            JsonNode json = ContractJson.MAPPER.readTree(response.body());
            assertThat(json.get("name").asText()).isEqualTo(names.get(i));
        }
        assertThat(repliesCounted(RestAssured.port)).isGreaterThanOrEqualTo(20);
        assertThat(repliesCounted(secondPort)).isGreaterThanOrEqualTo(20);
    }

    /** How many replies the instance on {@code port} waited for, from its own metrics. */
    static double repliesCounted(int port) throws Exception {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(l -> l.startsWith("attache_ingest_reply_latency_seconds_count"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
