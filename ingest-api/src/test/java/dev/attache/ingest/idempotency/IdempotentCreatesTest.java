package dev.attache.ingest.idempotency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

import dev.attache.ingest.support.AdjustableClock;
import dev.attache.ingest.support.Events;
import dev.attache.ingest.support.PipelineStack;
import dev.attache.ingest.support.Spool;
import dev.attache.ingest.support.StackClients;
import dev.attache.ingest.support.Tokens;
import dev.attache.ingest.support.UserWithEvent;
import dev.attache.ingest.spool.SpoolDirectory;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * Retried creates over HTTP on the real stack: {@code Idempotency-Key} (replay, 422, 409, expiry, scope), the SDK's
 * own retries ({@code Retry-Attempt}), and {@code Prefer: return=minimal}.
 */
@QuarkusTest
@QuarkusTestResource(PipelineStack.class)
class IdempotentCreatesTest {

    @Inject
    AdjustableClock clock;

    @Inject
    SpoolDirectory spool;

    @BeforeAll
    static void sendPathsAsWritten() {
        RestAssured.urlEncodingEnabled = false;
    }

    @AfterEach
    void clockBack() throws Exception {
        clock.reset();
        Spool.awaitEmpty(spool);
    }

    static String file(String name, byte[] content) {
        return "{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"" + name + "\",\"contentBytes\":\""
                + Base64.getEncoder().encodeToString(content) + "\"}";
    }

    static String file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    static Response post(UserWithEvent user, String path, String body, String... headers) {
        var request = given().auth().oauth2(user.token()).contentType("application/json").body(body);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request.post(path);
    }

    static List<String> attachmentIds(UserWithEvent user) {
        return given().auth().oauth2(user.token()).get(user.attachments("v1.0")).then().statusCode(200)
                .extract().jsonPath().getList("value.id");
    }

    /** The objects the tenant has in S3 once deletions have settled on {@code expected} of them. */
    static List<String> objectsSettledOn(UserWithEvent user, int expected) throws Exception {
        return StackClients.settledObjectKeys(user.tenant() + "/", keys -> keys.size() == expected);
    }

    @Test
    void aRepeatWithTheSameKeyIsAnsweredWithTheFirstAttachmentAndStoresNothing() throws Exception {
        UserWithEvent user = UserWithEvent.create();
        String key = UUID.randomUUID().toString();

        Response first = post(user, user.attachments("v1.0"), file("menu.txt", "mac and cheese today"),
                "Idempotency-Key", key);
        Response again = post(user, user.attachments("v1.0"), file("menu.txt", "mac and cheese today"),
                "Idempotency-Key", "\"" + key + "\"");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.header("Idempotency-Retention")).isEqualTo("86400");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(again.statusCode()).as(again.asString()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.header("Idempotency-Retention")).isEqualTo("86400");
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        JsonPath a = first.jsonPath();
        JsonPath b = again.jsonPath();
        for (String field : List.of("id", "name", "size", "contentType", "lastModifiedDateTime", "contentBytes",
                "@odata.context", "@odata.type")) {
            assertThat(b.getString(field)).as(field).isEqualTo(a.getString(field));
        }
        assertThat(attachmentIds(user)).containsExactly(a.getString("id"));
        assertThat(objectsSettledOn(user, 1)).as("the repeat's copy is deleted")
                .containsExactly(user.tenant() + "/" + a.getString("id"));
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndChangesNothing() throws Exception {
        UserWithEvent user = UserWithEvent.create();
        String key = UUID.randomUUID().toString();
        String firstId = post(user, user.attachments("v1.0"), file("menu.txt", "monday"), "Idempotency-Key", key)
                .then().statusCode(201).extract().path("id");

        Response reused = post(user, user.attachments("v1.0"), file("menu.txt", "tuesday"), "Idempotency-Key", key);

        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.contentType()).startsWith("application/json");
        assertThat(reused.jsonPath().getString("error.code")).isEqualTo("UnprocessableEntity");
        assertThat(reused.jsonPath().getString("error.message")).contains("Idempotency-Key");
        assertThat(reused.jsonPath().getString("error.innerError.request-id")).isNotBlank();
        assertThat(attachmentIds(user)).containsExactly(firstId);
        assertThat(objectsSettledOn(user, 1)).containsExactly(user.tenant() + "/" + firstId);
    }

    @Test
    void twoConcurrentRequestsWithOneKeyMakeOneAttachmentAndOne409() throws Exception {
        UserWithEvent user = UserWithEvent.create();
        byte[] content = new byte[1024 * 1024];
        new Random(7).nextBytes(content);
        String body = file("big.bin", content);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                        + user.attachments("v1.0")))
                .header("Authorization", "Bearer " + user.token())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "race-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();

        CompletableFuture<HttpResponse<String>> one = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        CompletableFuture<HttpResponse<String>> two = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        List<HttpResponse<String>> answers = List.of(one.get(), two.get());

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(201, 409);
        HttpResponse<String> conflict = answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
        assertThat(JsonPath.from(conflict.body()).getString("error.code")).isEqualTo("Conflict");
        String id = JsonPath.from(answers.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow()
                .body()).getString("id");
        assertThat(attachmentIds(user)).containsExactly(id);
        assertThat(objectsSettledOn(user, 1)).containsExactly(user.tenant() + "/" + id);
    }

    @Test
    void aKeyIsForgottenAfterItsRetention() throws Exception {
        UserWithEvent user = UserWithEvent.create();
        String key = UUID.randomUUID().toString();
        String firstId = post(user, user.attachments("v1.0"), file("menu.txt", "soup"), "Idempotency-Key", key)
                .then().statusCode(201).extract().path("id");

        clock.advance(Duration.ofHours(23).plusMinutes(59));
        Response within = post(user, user.attachments("v1.0"), file("menu.txt", "soup"), "Idempotency-Key", key);
        clock.advance(Duration.ofMinutes(1));
        Response after = post(user, user.attachments("v1.0"), file("menu.txt", "soup"), "Idempotency-Key", key);

        assertThat(within.jsonPath().getString("id")).isEqualTo(firstId);
        assertThat(within.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(after.statusCode()).isEqualTo(201);
        assertThat(after.header("Idempotent-Replayed")).isNull();
        assertThat(after.jsonPath().getString("id")).isNotEqualTo(firstId);
        assertThat(attachmentIds(user)).containsExactlyInAnyOrder(firstId, after.jsonPath().getString("id"));
    }

    @Test
    void aKeyIsScopedToItsCallerAndItsEvent() {
        UserWithEvent user = UserWithEvent.create();
        UserWithEvent other = UserWithEvent.create();
        String secondEvent = Events.create(user.token(), "/v1.0/me/events");
        String key = "shared-" + UUID.randomUUID();
        String body = file("menu.txt", "pasta");

        String mine = post(user, user.attachments("v1.0"), body, "Idempotency-Key", key).path("id");
        String theirs = post(other, other.attachments("v1.0"), body, "Idempotency-Key", key).path("id");
        Response onAnother = post(user, "/v1.0/me/events/" + Events.encoded(secondEvent) + "/attachments", body,
                "Idempotency-Key", key);

        assertThat(theirs).isNotEqualTo(mine);
        assertThat(onAnother.statusCode()).isEqualTo(201);
        assertThat(onAnother.header("Idempotent-Replayed")).isNull();
        assertThat(onAnother.jsonPath().getString("id")).isNotIn(mine, theirs);
    }

    @Test
    void anUnusableKeyIs400AndStoresNothing() throws Exception {
        UserWithEvent user = UserWithEvent.create();
        for (String bad : List.of("", "x".repeat(256), "caf\u00e9", "\"unterminated\\\"")) {
            Response refused = post(user, user.attachments("v1.0"), file("menu.txt", "x"), "Idempotency-Key", bad);
            assertThat(refused.statusCode()).as("key %s", bad).isEqualTo(400);
            assertThat(refused.jsonPath().getString("error.code")).isEqualTo("BadRequest");
        }
        assertThat(attachmentIds(user)).isEmpty();
        assertThat(StackClients.objectKeys(user.tenant() + "/")).isEmpty();
    }

    @Test
    void theSdksRetryIsTheSameRequestButAnIdenticalNewRequestIsNot() {
        UserWithEvent user = UserWithEvent.create();
        String crid = UUID.randomUUID().toString();
        String body = file("menu.txt", "salad");

        String first = post(user, user.attachments("v1.0"), body, "client-request-id", crid).path("id");
        Response retry = post(user, user.attachments("v1.0"), body, "client-request-id", crid, "Retry-Attempt", "1");
        Response onPurpose = post(user, user.attachments("v1.0"), body, "client-request-id", crid);
        Response otherBody = post(user, user.attachments("v1.0"), file("menu.txt", "soup"), "client-request-id", crid,
                "Retry-Attempt", "2");

        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.jsonPath().getString("id")).isEqualTo(first);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(onPurpose.jsonPath().getString("id")).isNotEqualTo(first);
        assertThat(otherBody.header("Idempotent-Replayed")).isNull();
        assertThat(attachmentIds(user)).hasSize(3);
    }

    @Test
    void returnMinimalIs204WithTheEntitysUrls() {
        UserWithEvent user = UserWithEvent.create();

        Response minimal = post(user, user.attachments("v1.0"), file("menu.txt", "tacos"),
                "Prefer", "return=minimal");

        assertThat(minimal.statusCode()).isEqualTo(204);
        assertThat(minimal.asByteArray()).isEmpty();
        assertThat(minimal.header("Preference-Applied")).isEqualTo("return=minimal");
        String location = minimal.header("Location");
        assertThat(location).contains("/events/" + Events.encoded(user.event()) + "/attachments/");
        assertThat(minimal.header("OData-EntityId")).isEqualTo(location);
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertThat(attachmentIds(user)).containsExactly(id);
        assertThat(given().auth().oauth2(user.token()).get(user.attachments("v1.0") + "/" + id + "/$value").asString())
                .isEqualTo("tacos");
    }

    @Test
    void anEventCreatedWithAKeyIsCreatedOnceAndReturnMinimalWorksThereToo() {
        String token = Tokens.user(Tokens.newTenant());
        String key = UUID.randomUUID().toString();
        String body = "{\"subject\":\"Offsite\"}";

        Response first = given().auth().oauth2(token).contentType("application/json").header("Idempotency-Key", key)
                .body(body).post("/v1.0/me/events");
        Response again = given().auth().oauth2(token).contentType("application/json").header("Idempotency-Key", key)
                .header("Prefer", "return=minimal").body(body).post("/v1.0/me/events");
        Response reused = given().auth().oauth2(token).contentType("application/json").header("Idempotency-Key", key)
                .body("{\"subject\":\"Another\"}").post("/v1.0/me/events");

        assertThat(first.statusCode()).isEqualTo(201);
        String id = first.jsonPath().getString("id");
        assertThat(again.statusCode()).isEqualTo(204);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.header("Location")).isEqualTo(first.header("Location"))
                .endsWith("/events/" + Events.encoded(id));
        assertThat(reused.statusCode()).isEqualTo(422);
    }

    @Test
    void theOpenApiDescriptionPublishesTheHeadersAndTheRetention() {
        String openapi = given().get("/q/openapi").then().statusCode(200).extract().asString();

        assertThat(openapi).contains("Idempotency-Key", "Idempotency-Retention", "24 hours", "return=minimal",
                "Retry-Attempt");
    }
}
