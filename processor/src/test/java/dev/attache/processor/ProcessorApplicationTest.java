package dev.attache.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.attache.processor.topology.AttachmentTopology;
import dev.attache.processor.topology.CommandOutcomes;
import dev.attache.schemas.attachment.AttachmentQuery;
import dev.attache.schemas.attachment.Principal;
import dev.attache.schemas.attachment.Route;
import dev.attache.schemas.event.EventLookup;
import dev.attache.schemas.kafka.ContractJson;
import dev.attache.schemas.kafka.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The packaged wiring, with Kafka and S3 unreachable (the test profile points both at port 1): the application
 * starts, is alive while it waits for Kafka, is not ready, exposes its metrics, and answers event lookups and
 * attachment queries {@code 503} (retry) until the streams run.
 */
@QuarkusTest
@QuarkusTestResource(ServiceTokenKeys.class)
class ProcessorApplicationTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/q")
    URI q;

    @TestHTTPResource(EventLookup.PATH)
    URI lookup;

    @TestHTTPResource(AttachmentQuery.PATH)
    URI attachmentQuery;

    @Inject
    Topology topology;

    @Inject
    StreamsConfig streams;

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(q + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> lookup(String body, String... headers) throws IOException, InterruptedException {
        return post(lookup, body, headers);
    }

    HttpResponse<String> queryAttachments(String body, String... headers) throws IOException, InterruptedException {
        return post(attachmentQuery, body, headers);
    }

    /** A call as ingest-api makes it: with a service token for this path and body. */
    HttpResponse<String> post(URI uri, String body, String... headers) throws IOException, InterruptedException {
        return postWithToken(uri, body, ServiceTokenKeys.forCall(uri.getPath(), body), headers);
    }

    HttpResponse<String> postWithToken(URI uri, String body, String token, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static final Route MY_EVENTS = new Route("v1.0", "me", "5f1d0c5e-0000-4000-8000-000000000001", "events", null,
            null);
    static final Principal READER = new Principal(Principal.DELEGATED, "5f1d0c5e-0000-4000-8000-000000000001",
            "dev@attache.local", List.of("Calendars.Read"), List.of());

    static String aLookup() throws IOException {
        return ContractJson.MAPPER.writeValueAsString(new EventLookup("72f988bf-86f1-41af-91ab-2d7cd011db47",
                "AAMkAGI1AAAt9AHjAAA=", MY_EVENTS, READER));
    }

    /** The query of every attachment ({@code attachmentId} null), or of one. */
    static String anAttachmentQuery(String attachmentId) throws IOException {
        return ContractJson.MAPPER.writeValueAsString(new AttachmentQuery("72f988bf-86f1-41af-91ab-2d7cd011db47",
                "AAMkAGI1AAAt9AHjAAA=", attachmentId, MY_EVENTS, READER));
    }

    JsonNode check(JsonNode health, String name) {
        for (JsonNode check : health.get("checks")) {
            if (name.equals(check.get("name").asText())) {
                return check;
            }
        }
        throw new AssertionError("no check " + name + " in " + health);
    }

    @Test
    void theProducedTopologyIsTheSharedOne() {
        Topology shared = AttachmentTopology.build(Pattern.compile(Topics.ATTACHMENT_REPLIES),
                new CommandOutcomes(new SimpleMeterRegistry()), dev.attache.processor.audit.AuditSettings.unsigned());

        assertThat(topology.describe()).hasToString(shared.describe().toString());
    }

    @Test
    void streamsRunExactlyOnceAndCommitOftenWithoutLingering() {
        assertThat(streams.getString(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("attache-processor");
        assertThat(streams.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
                .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(streams.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(10L);
        // a static member: a restarted instance takes its partitions back without waiting out a session timeout
        assertThat(streams.getMainConsumerConfigs("attache-processor", "client", 1))
                .containsEntry("group.instance.id", streams.originals().get("group.instance.id") + "-1");
        assertThat(streams.originals().get("group.instance.id")).isNotNull();
        assertThat(streams.getProducerConfigs("client").get(ProducerConfig.LINGER_MS_CONFIG)).hasToString("0");
        assertThat(streams.getClass(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(LogAndContinueExceptionHandler.class);
    }

    @Test
    void aliveWhileWaitingForKafka() throws Exception {
        HttpResponse<String> live = get("/health/live");

        assertThat(live.statusCode()).isEqualTo(200);
        JsonNode streams = check(JSON.readTree(live.body()), "Kafka Streams");
        assertThat(streams.get("status").asText()).isEqualTo("UP");
        assertThat(streams.at("/data/state").asText()).isEqualTo("CREATED");
    }

    @Test
    void notReadyWithoutRunningStreamsAndAReachableBucket() throws Exception {
        HttpResponse<String> ready = get("/health/ready");

        assertThat(ready.statusCode()).isEqualTo(503);
        JsonNode health = JSON.readTree(ready.body());
        assertThat(check(health, "Kafka Streams").get("status").asText()).isEqualTo("DOWN");
        JsonNode bucket = check(health, "S3 bucket");
        assertThat(bucket.get("status").asText()).isEqualTo("DOWN");
        assertThat(bucket.at("/data/bucket").asText()).isEqualTo("attache");
    }

    @Test
    void metricsCountCommandsByOutcome() throws Exception {
        HttpResponse<String> metrics = get("/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains(
                "attache_processor_commands_total{outcome=\"created\"} 0.0",
                "attache_processor_commands_total{outcome=\"rejected\"} 0.0");
    }

    @Test
    void theApplicationServerIsThisInstancesHttpPort() {
        assertThat(streams.getString(StreamsConfig.APPLICATION_SERVER_CONFIG)).isEqualTo("localhost:8081");
    }

    @Test
    void aLookupIsUnavailableToRetryWhileTheStreamsDoNotRun() throws Exception {
        HttpResponse<String> response = lookup(aLookup());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("status").asInt()).isEqualTo(503);
        assertThat(error.get("code").asText()).isEqualTo("ServiceUnavailable");
        assertThat(error.get("message").asText()).isNotBlank();
    }

    @Test
    void aForwardedLookupIsUnavailableToo() throws Exception {
        HttpResponse<String> response = lookup(aLookup(), "attache-forwarded", "1");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
    }

    @Test
    void aMalformedLookupIsABadRequestWhateverTheStreamsState() throws Exception {
        for (String body : List.of("not json", "", "[]", "null", "{}",
                "{\"tenantId\":\"t\",\"eventId\":\"e\",\"route\":{\"apiVersion\":\"v1.0\"}}")) {
            HttpResponse<String> response = lookup(body);

            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("Retry-After")).as(body).isEmpty();
            JsonNode error = JSON.readTree(response.body());
            assertThat(error.get("status").asInt()).isEqualTo(400);
            assertThat(error.get("code").asText()).isEqualTo("BadRequest");
            assertThat(error.get("message").asText()).startsWith("The event lookup is malformed: ");
        }
    }

    @Test
    void anAttachmentQueryIsUnavailableToRetryWhileTheStreamsDoNotRun() throws Exception {
        for (String body : List.of(anAttachmentQuery(null), anAttachmentQuery("AAMkAtt_0000000000000001"))) {
            for (String[] headers : List.of(new String[0], new String[] {"attache-forwarded", "1"})) {
                HttpResponse<String> response = queryAttachments(body, headers);

                assertThat(response.statusCode()).as(body).isEqualTo(503);
                assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
                assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/json"));
                JsonNode error = JSON.readTree(response.body());
                assertThat(error.get("status").asInt()).isEqualTo(503);
                assertThat(error.get("code").asText()).isEqualTo("ServiceUnavailable");
                assertThat(error.get("message").asText()).isNotBlank();
            }
        }
    }

    @Test
    void aMalformedAttachmentQueryIsABadRequestWhateverTheStreamsState() throws Exception {
        for (String body : List.of("not json", "", "[]", "null", "{}", aLookup().replace("\"eventId\"", "\"e\""),
                anAttachmentQuery(" "),
                "{\"tenantId\":\"t\",\"eventId\":\"e\",\"route\":{\"apiVersion\":\"v1.0\"}}")) {
            HttpResponse<String> response = queryAttachments(body);

            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("Retry-After")).as(body).isEmpty();
            JsonNode error = JSON.readTree(response.body());
            assertThat(error.get("status").asInt()).isEqualTo(400);
            assertThat(error.get("code").asText()).isEqualTo("BadRequest");
            assertThat(error.get("message").asText()).as(body).startsWith("The attachment query is malformed: ");
        }
    }

    /**
     * Nothing is read for a caller that does not prove it is ingest-api: the answer is 401 before the body is even
     * parsed (a malformed body would be 400, a valid one 503 while the streams do not run), whatever principal the body
     * declares.
     */
    @Test
    void theInternalApiRefusesEveryCallerWithoutAValidServiceTokenForThisCall() throws Exception {
        String body = anAttachmentQuery(null);
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String path = attachmentQuery.getPath();
        java.util.Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("no token", null);
        refused.put("not a JWT", "garbage");
        refused.put("signed by another key", ServiceTokenKeys.sign(ServiceTokenKeys.claims(path, bytes),
                ServiceTokenKeys.newPair().getPrivate()));
        refused.put("for another path", ServiceTokenKeys.forCall(lookup.getPath(), body));
        refused.put("for another body", ServiceTokenKeys.forCall(path, body.replace("Calendars.Read",
                "Calendars.ReadWrite")));
        refused.put("expired", ServiceTokenKeys.sign(ServiceTokenKeys.claims(path, bytes)
                .issuedAt(java.time.Instant.now().minusSeconds(600)).expiresAt(java.time.Instant.now().minusSeconds(300))));
        refused.put("another issuer", ServiceTokenKeys.sign(ServiceTokenKeys.claims(path, bytes).issuer("someone")));
        refused.put("another audience", ServiceTokenKeys.sign(ServiceTokenKeys.claims(path, bytes).audience("x")));
        refused.put("no body hash", ServiceTokenKeys.sign(io.smallrye.jwt.build.Jwt.issuer("attache-ingest-api")
                .audience("attache-processor").claim("path", path).expiresIn(60)));

        for (var attempt : refused.entrySet()) {
            for (String[] headers : List.of(new String[0], new String[] {"attache-forwarded", "1"})) {
                HttpResponse<String> response = postWithToken(attachmentQuery, body, attempt.getValue(), headers);

                assertThat(response.statusCode()).as(attempt.getKey()).isEqualTo(401);
                JsonNode error = JSON.readTree(response.body());
                assertThat(error.get("code").asText()).isEqualTo("InvalidAuthenticationToken");
                assertThat(response.body()).as("nothing read").doesNotContain("value");
            }
        }
        assertThat(postWithToken(lookup, "not json", null).statusCode()).as("before the body is parsed")
                .isEqualTo(401);
        assertThat(queryAttachments(body).statusCode()).as("the same call with its token").isEqualTo(503);
    }
}
