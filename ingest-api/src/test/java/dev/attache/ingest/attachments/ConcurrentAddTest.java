package dev.attache.ingest.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.attache.ingest.support.Events;
import dev.attache.ingest.support.PipelineStack;
import dev.attache.ingest.support.Spool;
import dev.attache.ingest.support.Tokens;
import dev.attache.ingest.spool.SpoolDirectory;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Many requests in flight at once on one instance: every one gets its own committed reply. */
@QuarkusTest
@QuarkusTestResource(PipelineStack.class)
class ConcurrentAddTest {

    @Inject
    SpoolDirectory spool;

    @Test
    void concurrentRequestsAllGetTheirOwnReply() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String token = Tokens.user(Tokens.newTenant());
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(Events.create(token, "/v1.0/me/events"));
        }
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            responses.add(http.sendAsync(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + RestAssured.port + "/v1.0/me/events/" + events.get(i % 5) + "/attachments"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"@odata.type\":\"#microsoft.graph.fileAttachment\","
                            + "\"name\":\"n" + i + "\",\"contentBytes\":\"AQID\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (int i = 0; i < responses.size(); i++) {
            HttpResponse<String> response = responses.get(i).get(90, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            assertThat(response.body()).contains("\"name\":\"n" + i + "\"");
        }
        // each request spooled its own file; none may outlive its answer
        Spool.awaitEmpty(spool);
    }
}
