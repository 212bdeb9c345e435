package dev.attache.ingest.batch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.graph.core.content.BatchRequestContent;
import com.microsoft.graph.core.content.BatchResponseContent;
import com.microsoft.graph.core.models.BatchRequestStep;
import com.microsoft.graph.models.Attachment;
import com.microsoft.graph.models.AttachmentCollectionResponse;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.FileAttachment;
import com.microsoft.graph.serviceclient.GraphServiceClient;

import dev.attache.ingest.support.Events;
import dev.attache.ingest.support.GraphSdk;
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

/** {@code POST /{v1.0|beta}/$batch} on the real stack: the official SDK's batch classes, and the rules around them. */
@QuarkusTest
@QuarkusTestResource(PipelineStack.class)
class BatchTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SpoolDirectory spool;

    @BeforeAll
    static void sendPathsAsWritten() {
        RestAssured.urlEncodingEnabled = false;
    }

    @AfterEach
    void spoolLeftEmpty() {
        Spool.awaitEmpty(spool);
    }

    static FileAttachment file(String name, byte[] content) {
        FileAttachment file = new FileAttachment();
        file.setName(name);
        file.setContentBytes(content);
        return file;
    }

    static Event event(String subject) {
        Event event = new Event();
        event.setSubject(subject);
        return event;
    }

    // --- the SDK ---------------------------------------------------------------------------------------------------

    @Test
    void theV1SdksBatchClassesPostAndListInOneBatch() throws Exception {
        GraphServiceClient graph = GraphSdk.v1(Tokens.user(Tokens.newTenant()));
        String eventId = graph.me().events().post(event("Batch")).getId();
        var attachments = graph.me().events().byEventId(eventId).attachments();
        BatchRequestContent batch = new BatchRequestContent(graph);
        String postId = batch.addBatchRequestStep(attachments.toPostRequestInformation(
                file("a.txt", "first".getBytes(StandardCharsets.UTF_8))));
        okhttp3.Request list = graph.getRequestAdapter().convertToNativeRequest(attachments.toGetRequestInformation());
        String listId = "list-" + UUID.randomUUID();
        batch.addBatchRequestStep(new BatchRequestStep(listId, list, java.util.List.of(postId)));

        BatchResponseContent response = graph.getBatchRequestBuilder().post(batch, null);

        assertThat(response.getResponsesStatusCode()).containsEntry(postId, 201).containsEntry(listId, 200);
        Attachment posted = response.getResponseById(postId, Attachment::createFromDiscriminatorValue);
        assertThat(posted).isInstanceOf(FileAttachment.class);
        assertThat(posted.getName()).isEqualTo("a.txt");
        assertThat(((FileAttachment) posted).getContentBytes()).isEqualTo("first".getBytes(StandardCharsets.UTF_8));
        AttachmentCollectionResponse listed = response.getResponseById(listId,
                AttachmentCollectionResponse::createFromDiscriminatorValue);
        assertThat(listed.getValue()).extracting(Attachment::getId).containsExactly(posted.getId());
        assertThat(attachments.get().getValue()).extracting(Attachment::getId).containsExactly(posted.getId());
    }

    @Test
    void theBetaSdksBatchClassesWorkToo() throws Exception {
        String token = Tokens.user(Tokens.newTenant());
        var graph = GraphSdk.beta(token);
        var newEvent = new com.microsoft.graph.beta.models.Event();
        newEvent.setSubject("Beta batch");
        String eventId = graph.me().events().post(newEvent).getId();
        var attachments = graph.me().events().byEventId(eventId).attachments();
        var file = new com.microsoft.graph.beta.models.FileAttachment();
        file.setName("b.txt");
        file.setContentBytes("beta".getBytes(StandardCharsets.UTF_8));
        BatchRequestContent batch = new BatchRequestContent(graph);
        String postId = batch.addBatchRequestStep(attachments.toPostRequestInformation(file));
        String missingId = batch.addBatchRequestStep(graph.me().events().byEventId("AAMk-not-there").attachments()
                .toGetRequestInformation());

        BatchResponseContent response = graph.getBatchRequestBuilder().post(batch, null);

        assertThat(response.getResponsesStatusCode()).containsEntry(postId, 201).containsEntry(missingId, 404);
        var posted = response.getResponseById(postId,
                com.microsoft.graph.beta.models.Attachment::createFromDiscriminatorValue);
        assertThat(posted.getName()).isEqualTo("b.txt");
        assertThat(attachments.get().getValue()).hasSize(1);
    }

    // --- dependsOn -------------------------------------------------------------------------------------------------

    static ObjectNode item(String id, String method, String url) {
        ObjectNode item = JSON.createObjectNode().put("id", id).put("method", method).put("url", url);
        item.putObject("headers").put("Content-Type", "application/json");
        return item;
    }

    static ObjectNode post(String id, String url, String name, byte[] content) {
        ObjectNode item = item(id, "POST", url);
        item.putObject("body").put("@odata.type", "#microsoft.graph.fileAttachment").put("name", name)
                .put("contentBytes", Base64.getEncoder().encodeToString(content));
        return item;
    }

    static ObjectNode dependsOn(ObjectNode item, String... ids) {
        ArrayNode deps = item.putArray("dependsOn");
        for (String id : ids) {
            deps.add(id);
        }
        return item;
    }

    static Response batch(String token, String version, ObjectNode... items) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode requests = body.putArray("requests");
        for (ObjectNode item : items) {
            requests.add(item);
        }
        return given().auth().oauth2(token).contentType("application/json").body(body.toString())
                .post("/" + version + "/$batch");
    }

    static Map<String, JsonNode> byId(Response response) throws Exception {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        Map<String, JsonNode> byId = new java.util.LinkedHashMap<>();
        for (JsonNode item : JSON.readTree(response.asString()).get("responses")) {
            byId.put(item.get("id").asText(), item);
        }
        return byId;
    }

    @Test
    void aDependantRunsAfterWhatItDependsOn() throws Exception {
        UserWithEvent user = UserWithEvent.create();

        Map<String, JsonNode> answers = byId(batch(user.token(), "v1.0",
                dependsOn(item("list", "GET", user.attachments()), "add"),
                post("add", user.attachments(), "menu.txt", "soup".getBytes(StandardCharsets.UTF_8))));

        assertThat(answers.keySet()).containsExactly("list", "add");
        assertThat(answers.get("add").get("status").asInt()).isEqualTo(201);
        String id = answers.get("add").get("body").get("id").asText();
        assertThat(answers.get("add").get("headers").get("Location").asText()).endsWith("/attachments/" + id);
        assertThat(answers.get("list").get("status").asInt()).isEqualTo(200);
        assertThat(answers.get("list").get("body").get("value").get(0).get("id").asText()).isEqualTo(id);
    }

    @Test
    void aDependantOfAFailedRequestIs424AndTheRestRuns() throws Exception {
        UserWithEvent user = UserWithEvent.create();

        Map<String, JsonNode> answers = byId(batch(user.token(), "v1.0",
                post("bad", "/me/events/AAMk-not-there/attachments", "x.txt", new byte[] {1}),
                dependsOn(post("after", user.attachments(), "y.txt", new byte[] {2}), "bad"),
                dependsOn(item("later", "GET", user.attachments()), "after"),
                post("free", user.attachments(), "z.txt", new byte[] {3})));

        assertThat(answers.get("bad").get("status").asInt()).isEqualTo(404);
        assertThat(answers.get("bad").get("body").get("error").get("code").asText()).isEqualTo("ErrorItemNotFound");
        for (String id : List.of("after", "later")) {
            assertThat(answers.get(id).get("status").asInt()).as(id).isEqualTo(424);
            assertThat(answers.get(id).get("body").get("error").get("code").asText()).isEqualTo("FailedDependency");
            assertThat(answers.get(id).get("body").get("error").get("message").isTextual()).isTrue();
        }
        assertThat(answers.get("free").get("status").asInt()).isEqualTo(201);
        assertThat(given().auth().oauth2(user.token()).get("/v1.0" + user.attachments()).jsonPath()
                .getList("value.name")).containsExactly("z.txt");
    }

    // --- limits ----------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"tooMany", "duplicateIds", "unknownDependency", "cycle", "noRequests", "absoluteUrl"})
    void aMalformedBatchIs400AndRunsNothing(String defect) throws Exception {
        UserWithEvent user = UserWithEvent.create();
        List<ObjectNode> items = new ArrayList<>();
        switch (defect) {
            case "tooMany" -> {
                for (int i = 0; i < 21; i++) {
                    items.add(post("p" + i, user.attachments(), "f" + i, new byte[] {1}));
                }
            }
            case "duplicateIds" -> {
                items.add(post("1", user.attachments(), "a", new byte[] {1}));
                items.add(post("1", user.attachments(), "b", new byte[] {1}));
            }
            case "unknownDependency" -> items.add(dependsOn(post("1", user.attachments(), "a", new byte[] {1}), "9"));
            case "cycle" -> {
                items.add(dependsOn(post("1", user.attachments(), "a", new byte[] {1}), "3"));
                items.add(dependsOn(post("2", user.attachments(), "b", new byte[] {1}), "1"));
                items.add(dependsOn(post("3", user.attachments(), "c", new byte[] {1}), "2"));
            }
            case "absoluteUrl" -> items.add(post("1", "http://evil.example/v1.0" + user.attachments(), "a",
                    new byte[] {1}));
            default -> {
            }
        }

        Response refused = batch(user.token(), "v1.0", items.toArray(ObjectNode[]::new));

        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(400);
        assertThat(refused.jsonPath().getString("error.code")).isEqualTo("BadRequest");
        assertThat(refused.jsonPath().getString("error.innerError.request-id")).isNotBlank();
        assertThat(given().auth().oauth2(user.token()).get("/v1.0" + user.attachments()).jsonPath()
                .getList("value")).isEmpty();
        assertThat(StackClients.objectKeys(user.tenant() + "/")).isEmpty();
    }

    @Test
    void theRequestLimitAppliesToTheWholeBatch() throws Exception {
        UserWithEvent user = UserWithEvent.create();
        byte[] megabyte = new byte[1024 * 1024];
        List<ObjectNode> items = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            items.add(post("p" + i, user.attachments(), "f" + i, megabyte));
        }

        ObjectNode body = JSON.createObjectNode();
        items.forEach(body.putArray("requests")::add);
        byte[] bytes = JSON.writeValueAsBytes(body);

        // chunked, so the limit is found while reading, not from a Content-Length
        java.net.http.HttpResponse<String> refused = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(RestAssured.baseURI + ":" + RestAssured.port
                                + "/v1.0/$batch"))
                        .header("Authorization", "Bearer " + user.token())
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream(bytes))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(refused.body()).at("/error/code").asText()).isEqualTo("RequestEntityTooLarge");
        assertThat(StackClients.objectKeys(user.tenant() + "/")).isEmpty();
        assertThat(given().auth().oauth2(user.token()).get("/v1.0" + user.attachments()).jsonPath()
                .getList("value")).isEmpty();
    }

    // --- authorisation ---------------------------------------------------------------------------------------------

    @Test
    void anItemIsAuthorisedAsIfSentAlone() throws Exception {
        UserWithEvent owner = UserWithEvent.create();
        UserWithEvent stranger = UserWithEvent.create();
        String readOnly = Tokens.sign(Tokens.delegated(owner.tenant(), UUID.randomUUID().toString(),
                "Calendars.Read"));
        String theirs = "/v1.0" + owner.attachments();

        Response aloneGet = given().auth().oauth2(stranger.token()).get(theirs);
        Response alonePost = given().auth().oauth2(readOnly).contentType("application/json")
                .body(post("x", "/", "a", new byte[] {1}).get("body").toString()).post("/v1.0/me/events/"
                        + Events.encoded(owner.event()) + "/attachments");
        ObjectNode foreign = item("get", "GET", owner.attachments());
        ((ObjectNode) foreign.get("headers")).put("Authorization", "Bearer " + owner.token());
        Map<String, JsonNode> asStranger = byId(batch(stranger.token(), "v1.0", foreign));
        Map<String, JsonNode> asReader = byId(batch(readOnly, "v1.0",
                post("post", "/me/events/" + Events.encoded(owner.event()) + "/attachments", "a", new byte[] {1})));
        Response noToken = given().contentType("application/json").body("{\"requests\":[]}").post("/v1.0/$batch");

        assertThat(asStranger.get("get").get("status").asInt()).as("the item's own Authorization is ignored")
                .isEqualTo(aloneGet.statusCode()).isEqualTo(404);
        assertThat(asStranger.get("get").get("body").get("error").get("code").asText())
                .isEqualTo(aloneGet.jsonPath().getString("error.code"));
        assertThat(asReader.get("post").get("status").asInt()).isEqualTo(alonePost.statusCode()).isEqualTo(403);
        assertThat(asReader.get("post").get("body").get("error").get("code").asText())
                .isEqualTo(alonePost.jsonPath().getString("error.code"));
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(noToken.jsonPath().getString("error.code")).isEqualTo("InvalidAuthenticationToken");
        assertThat(StackClients.objectKeys(owner.tenant() + "/")).isEmpty();
    }

    // --- bulk ------------------------------------------------------------------------------------------------------

    @Test
    void twentyFilesOf150KbInOneBatchAreStoredByteForByte() throws Exception {
        UserWithEvent user = UserWithEvent.create();
        Random random = new Random(20);
        ObjectNode[] items = new ObjectNode[20];
        Map<String, String> sha256ByName = new java.util.HashMap<>();
        for (int i = 0; i < 20; i++) {
            byte[] content = new byte[150 * 1000];
            random.nextBytes(content);
            sha256ByName.put("file-" + i + ".bin", HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(content)));
            items[i] = post("f" + i, user.attachments(), "file-" + i + ".bin", content);
            ((ObjectNode) items[i].get("headers")).put("Prefer", i % 2 == 0 ? "return=minimal" : "");
        }

        Map<String, JsonNode> answers = byId(batch(user.token(), "v1.0", items));

        for (int i = 0; i < 20; i++) {
            JsonNode answer = answers.get("f" + i);
            if (i % 2 == 0) {
                assertThat(answer.get("status").asInt()).isEqualTo(204);
                assertThat(answer.get("body").isNull()).isTrue();
                assertThat(answer.get("headers").get("Preference-Applied").asText()).isEqualTo("return=minimal");
                assertThat(answer.get("headers").get("Location").asText()).contains("/attachments/");
            } else {
                assertThat(answer.get("status").asInt()).isEqualTo(201);
                assertThat(answer.get("body").get("size").asInt()).isEqualTo(150_000);
            }
        }
        List<Map<String, Object>> stored = given().auth().oauth2(user.token())
                .get("/v1.0" + user.attachments() + "?$select=id,name").jsonPath().getList("value");
        assertThat(stored).hasSize(20);
        for (Map<String, Object> attachment : stored) {
            byte[] value = given().auth().oauth2(user.token())
                    .get("/v1.0" + user.attachments() + "/" + attachment.get("id") + "/$value").asByteArray();
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value)))
                    .as("%s", attachment.get("name")).isEqualTo(sha256ByName.get((String) attachment.get("name")));
        }
    }

    @Test
    void anIdempotencyKeyInsideABatchMakesTheBatchSafeToSendAgain() throws Exception {
        UserWithEvent user = UserWithEvent.create();
        ObjectNode add = post("add", user.attachments(), "once.txt", "once".getBytes(StandardCharsets.UTF_8));
        ((ObjectNode) add.get("headers")).put("Idempotency-Key", UUID.randomUUID().toString());

        Map<String, JsonNode> first = byId(batch(user.token(), "beta", add));
        Map<String, JsonNode> again = byId(batch(user.token(), "beta", add));

        assertThat(again.get("add").get("status").asInt()).isEqualTo(201);
        assertThat(again.get("add").get("headers").get("Idempotent-Replayed").asText()).isEqualTo("true");
        assertThat(again.get("add").get("body").get("id")).isEqualTo(first.get("add").get("body").get("id"));
        assertThat(given().auth().oauth2(user.token()).get("/beta" + user.attachments()).jsonPath()
                .getList("value")).hasSize(1);
    }

    @Test
    void theSdkResendingAWholeBatchAfterALostAnswerAddsNothingAndIdenticalItemsStayTwo() throws Exception {
        UserWithEvent user = UserWithEvent.create();
        String crid = UUID.randomUUID().toString();
        ObjectNode[] items = {post("1", user.attachments(), "same.txt", new byte[] {7}),
                post("2", user.attachments(), "same.txt", new byte[] {7})};
        ObjectNode body = JSON.createObjectNode();
        for (ObjectNode item : items) {
            body.withArray("requests").add(item);
        }

        Map<String, JsonNode> first = byId(given().auth().oauth2(user.token()).contentType("application/json")
                .header("client-request-id", crid).body(body.toString()).post("/v1.0/$batch"));
        Map<String, JsonNode> retried = byId(given().auth().oauth2(user.token()).contentType("application/json")
                .header("client-request-id", crid).header("Retry-Attempt", "1").body(body.toString())
                .post("/v1.0/$batch"));

        assertThat(first.get("1").get("body").get("id")).isNotEqualTo(first.get("2").get("body").get("id"));
        for (String id : List.of("1", "2")) {
            assertThat(retried.get(id).get("status").asInt()).isEqualTo(201);
            assertThat(retried.get(id).get("headers").get("Idempotent-Replayed").asText()).isEqualTo("true");
            assertThat(retried.get(id).get("body").get("id")).isEqualTo(first.get(id).get("body").get("id"));
        }
        assertThat(given().auth().oauth2(user.token()).get(user.attachments("v1.0")).jsonPath().getList("value"))
                .hasSize(2);
    }

    @Test
    void readsPastTheResponseBudgetAre413AndTheRestAnswered() throws Exception {
        UserWithEvent user = UserWithEvent.create();
        byte[] content = new byte[1536 * 1024];
        new Random(3).nextBytes(content);
        String id = given().auth().oauth2(user.token()).contentType("application/json")
                .header("Prefer", "return=minimal")
                .body(post("x", "/", "big.bin", content).get("body").toString()).post(user.attachments("v1.0"))
                .then().statusCode(204).extract().header("Location").replaceAll(".*/", "");
        ObjectNode[] reads = new ObjectNode[20];
        for (int i = 0; i < reads.length; i++) {
            reads[i] = item("r" + i, "GET", user.attachments() + "/" + id + "/$value");
        }

        Map<String, JsonNode> answers = byId(batch(user.token(), "v1.0", reads));

        assertThat(answers).hasSize(20);
        long served = answers.values().stream().filter(a -> a.get("status").asInt() == 200).count();
        long refused = answers.values().stream().filter(a -> a.get("status").asInt() == 413).count();
        assertThat(served).as("16 MiB hold ten 1.5 MiB bodies; statuses %s", answers.values().stream()
                .map(a -> a.get("status").asInt() + (a.get("status").asInt() == 200 ? ""
                        : " " + a.get("body").get("error").get("message").asText())).toList()).isEqualTo(10);
        assertThat(refused).isEqualTo(10);
        JsonNode one = answers.values().stream().filter(a -> a.get("status").asInt() == 200).findFirst()
                .orElseThrow();
        assertThat(Base64.getDecoder().decode(one.get("body").asText())).isEqualTo(content);
        assertThat(answers.values().stream().filter(a -> a.get("status").asInt() == 413).findFirst().orElseThrow()
                .get("body").get("error").get("message").asText()).contains("Send this request alone");
    }
}
