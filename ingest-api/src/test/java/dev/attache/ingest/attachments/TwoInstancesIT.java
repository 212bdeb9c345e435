package dev.attache.ingest.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.attache.ingest.support.AppProcess;
import dev.attache.ingest.support.Events;
import dev.attache.ingest.support.PipelineStack;
import dev.attache.ingest.support.RawHttp;
import dev.attache.ingest.support.StackConfig;
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
@QuarkusTestResource(PipelineStack.class)
class TwoInstancesIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static AppProcess second;

    @BeforeAll
    static void startSecondInstance() throws Exception {
        second = AppProcess.start(Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath(),
                StackConfig.ingestApiEnvironment(), Duration.ofSeconds(90));
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    /** The packaged app hands URI validation to its own check (IngestApiMain), which answers in Graph's envelope. */
    @Test
    void thePackagedAppRefusesAMalformedUriInGraphsEnvelope() throws Exception {
        for (int port : new int[] {RestAssured.port, second.port()}) {
            RawHttp.Reply reply = RawHttp.send(port, "GET /v1.0/me/events/%zz/attachments HTTP/1.1\r\n"
                    + "Host: localhost\r\n\r\n");

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.headers().get("content-type")).startsWith("application/json");
            assertThat(reply.json().at("/error/code").asText()).isEqualTo("BadRequest");
        }
    }

    @Test
    void eachInstanceGetsTheRepliesToItsOwnCommands() throws Exception {
        String token = Tokens.user(Tokens.newTenant());
        List<String> events = List.of(Events.create(token, "/v1.0/me/events"), Events.create(token, "/v1.0/me/events"),
                Events.create(token, "/v1.0/me/events"));
        int[] ports = {RestAssured.port, second.port()};
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String name = "file-" + i + "-via-" + (i % 2) + ".txt";
            names.add(name);
            String body = "{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"" + name
                    + "\",\"contentBytes\":\"AQID\"}";
            responses.add(HTTP.sendAsync(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + ports[i % 2] + "/v1.0/me/events/" + events.get(i % 3) + "/attachments"))
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
        assertThat(repliesCounted(second.port())).isGreaterThanOrEqualTo(20);
    }

    /** How many replies the instance on {@code port} waited for, from its own metrics. */
    static double repliesCounted(int port) throws Exception {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(l -> l.startsWith("attache_ingest_reply_latency_seconds_count"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
