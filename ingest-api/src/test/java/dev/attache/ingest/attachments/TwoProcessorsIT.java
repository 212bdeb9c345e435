package dev.attache.ingest.attachments;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.attache.ingest.support.AppProcess;
import dev.attache.ingest.support.Events;
import dev.attache.ingest.support.PipelineStack;
import dev.attache.ingest.support.StackConfig;
import dev.attache.ingest.support.Tokens;
import dev.attache.schemas.attachment.AttachmentQuery;
import dev.attache.schemas.attachment.Principal;
import dev.attache.schemas.attachment.Route;
import dev.attache.schemas.kafka.ContractJson;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;

/**
 * Two processor instances share the partitions; ingest-api asks the first for every read, and each read still
 * reaches the instance holding the event (the first forwards). The second stays up for the rest of this JVM: stopping
 * it would move partitions under the other integration tests.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(PipelineStack.class)
class TwoProcessorsIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static AppProcess second;

    @BeforeAll
    static void startSecondProcessor() throws Exception {
        Properties stack = PipelineStack.ready();
        Path home = Path.of(System.getProperty("attache.home", "..")).toAbsolutePath().normalize();
        second = AppProcess.start(home.resolve("processor/target/quarkus-app/quarkus-run.jar"),
                StackConfig.processorEnvironment(Files.createTempDirectory("processor-2-state").toString(),
                        "attache-processor-2"),
                Duration.ofSeconds(120));
        Runtime.getRuntime().addShutdownHook(new Thread(second::close));
        // Both instances ready: the rebalance that gave the second its partitions is over.
        AppProcess.awaitReady(stack.getProperty("processor.url"), Duration.ofSeconds(120));
    }

    @Test
    void everyReadReachesTheInstanceThatHoldsTheEvent() throws Exception {
        String tenant = Tokens.newTenant();
        String oid = java.util.UUID.randomUUID().toString();
        String token = Tokens.sign(Tokens.delegated(tenant, oid));
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String event = Events.create(token, "/v1.0/me/events");
            events.add(event);
            given().auth().oauth2(token).contentType("application/json")
                    .body("{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"e" + i + ".txt\","
                            + "\"contentBytes\":\"AQID\"}")
                    .post("/v1.0/me/events/" + event + "/attachments").then().statusCode(201);
        }

        for (int i = 0; i < events.size(); i++) {
            given().auth().oauth2(token).get("/v1.0/me/events/" + events.get(i) + "/attachments?$select=name")
                    .then().statusCode(200)
                    .body("value.name", org.hamcrest.Matchers.equalTo(List.of("e" + i + ".txt")));
        }
        // Each instance answers for every event: its own partitions locally, the other's by forwarding. Every event
        // is held by exactly one of them, so asking both forwards every event once.
        for (String processor : List.of(PipelineStack.ready().getProperty("processor.url"), second.url())) {
            for (int i = 0; i < events.size(); i++) {
                AttachmentQuery query = new AttachmentQuery(tenant, events.get(i), null,
                        new Route("v1.0", "me", oid, "events", null, null),
                        new Principal("delegated", oid, null, List.of("Calendars.ReadWrite"), List.of()));
                byte[] body = ContractJson.MAPPER.writeValueAsBytes(query);
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(processor + AttachmentQuery.PATH))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
                HttpResponse<String> anonymous = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                HttpResponse<String> answer = HTTP.send(request
                        .header("Authorization", "Bearer " + Tokens.service(AttachmentQuery.PATH, body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(anonymous.statusCode()).as("no service token, nothing read").isEqualTo(401);
                assertThat(anonymous.body()).doesNotContain("e" + i + ".txt");
                assertThat(answer.statusCode()).as(processor + " " + answer.body()).isEqualTo(200);
                assertThat(answer.body()).contains("\"name\":\"e" + i + ".txt\"");
            }
        }
        for (String processor : List.of(PipelineStack.ready().getProperty("processor.url"), second.url())) {
            assertThat(assignedPartitions(processor)).as(processor + " holds partitions").isPositive();
        }
    }

    /** The partitions the instance's stream thread was assigned, from its Kafka client metrics. */
    static double assignedPartitions(String url) throws Exception {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines()
                .filter(l -> l.startsWith("kafka_consumer_coordinator_assigned_partitions")
                        && l.contains("attache-processor") && !l.contains("restore") && !l.contains("global"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
