package dev.attache.ingest.attachments;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.attache.ingest.support.Events;
import dev.attache.ingest.support.PipelineStack;
import dev.attache.ingest.support.Spool;
import dev.attache.ingest.support.StackClients;
import dev.attache.ingest.support.Tokens;
import dev.attache.ingest.spool.SpoolDirectory;
import dev.attache.schemas.ContractSchemas;
import dev.attache.schemas.kafka.AttachmentKeys;
import dev.attache.schemas.kafka.ContractJson;
import dev.attache.schemas.kafka.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(PipelineStack.class)
class AddAttachmentTest {

    /** Paths are written as clients send them, already percent-encoded: RestAssured must not encode them again. */
    @BeforeAll
    static void sendPathsAsWritten() {
        RestAssured.urlEncodingEnabled = false;
    }

    /** Where the payloads wait between the body and S3, and for the echo: every request must leave it empty. */
    @Inject
    SpoolDirectory spool;

    static final String EVENT = "AAMkAGI1AAAt9AHjAAA=";
    static final String MENU = "mac and cheese today";

    static String fileBody(String name, String content) {
        return "{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"" + name + "\",\"contentBytes\":\""
                + Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8)) + "\"}";
    }

    @Test
    void fileAttachmentIsStoredLoggedMaterializedAndReturnedAsGraphDoes() throws Exception {
        String tenant = Tokens.newTenant();
        String oid = UUID.randomUUID().toString();
        String token = Tokens.sign(Tokens.delegated(tenant, oid));
        // An id as Exchange makes them, '=' and all, published by the calendar system of record.
        Events.publish(tenant, EVENT, oid, null);
        Events.awaitReadable(token, "/v1.0/me/events/AAMkAGI1AAAt9AHjAAA%3D");

        Response response = given().auth().oauth2(token)
                .contentType("application/json")
                .header("client-request-id", "my-client-request-1")
                .body(fileBody("menu.txt", MENU))
                .post("/v1.0/me/events/AAMkAGI1AAAt9AHjAAA%3D/attachments");

        response.then().statusCode(201)
                .contentType(startsWith("application/json"))
                .header("request-id", matchesPattern("[0-9a-f-]{36}"))
                .header("client-request-id", "my-client-request-1")
                .header("Location", matchesPattern(".*/v1\\.0/users/" + oid + "/events/AAMkAGI1AAAt9AHjAAA%3D/attachments/[A-Za-z0-9_-]{24}"))
                .body("'@odata.context'", equalTo("http://localhost:" + RestAssured.port + "/v1.0/$metadata#users('" + oid
                        + "')/events('AAMkAGI1AAAt9AHjAAA%3D')/attachments/$entity"))
                .body("'@odata.type'", equalTo("#microsoft.graph.fileAttachment"))
                .body("id", matchesPattern("[A-Za-z0-9_-]{24}"))
                .body("lastModifiedDateTime", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"))
                .body("name", equalTo("menu.txt"))
                .body("contentType", equalTo("text/plain"))
                .body("size", equalTo(MENU.length()))
                .body("isInline", equalTo(false))
                .body("contentId", nullValue())
                .body("contentLocation", nullValue())
                .body("contentBytes", equalTo(Base64.getEncoder().encodeToString(MENU.getBytes(StandardCharsets.UTF_8))));
        String id = response.path("id");

        String key = tenant + "/" + id;
        byte[] stored = StackClients.read(key);
        assertThat(new String(stored, StandardCharsets.UTF_8)).isEqualTo(MENU);
        assertThat(StackClients.stat(key).size()).isEqualTo(MENU.length());

        ConsumerRecord<String, byte[]> command = StackClients.findRecord(Topics.ATTACHMENT_COMMANDS,
                v -> v.contains(id), Duration.ofSeconds(15)).orElseThrow();
        JsonNode commandJson = ContractJson.MAPPER.readTree(command.value());
        assertThat(command.key()).isEqualTo(AttachmentKeys.eventKey(tenant, EVENT));
        assertThat(ContractSchemas.violations(ContractSchemas.COMMAND_V1, commandJson)).isEmpty();
        assertThat(commandJson.at("/object/length").asLong()).isEqualTo(MENU.length());
        assertThat(commandJson.at("/object/sha256").asText()).isEqualTo(StackClients.sha256(stored));
        assertThat(commandJson.at("/object/key").asText()).isEqualTo(key);
        assertThat(commandJson.has("contentBytes")).isFalse();

        ConsumerRecord<String, byte[]> record = StackClients.findRecord(Topics.ATTACHMENTS, v -> v.contains(id),
                Duration.ofSeconds(15)).orElseThrow();
        assertThat(record.key()).isEqualTo(AttachmentKeys.attachmentKey(tenant, EVENT, id));
        assertThat(record.partition()).isEqualTo(command.partition());
        JsonNode recordJson = ContractJson.MAPPER.readTree(record.value());
        assertThat(ContractSchemas.violations(ContractSchemas.RECORD_V1, recordJson)).isEmpty();
        assertThat(recordJson.at("/size").asInt()).isEqualTo(MENU.length());
        Spool.awaitEmpty(spool);
    }

    /** Where the event is created, where the attachment is posted ({E} = its id), and who asks. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/v1.0/me/calendar/events|/v1.0/me/calendar/events/{E}/attachments|delegated",
            "/beta/me/calendars/CAL1/events|/beta/me/calendars/CAL1/events/{E}/attachments|delegated",
            "/beta/me/calendars/CAL1/events|/v1.0/me/events('{E}')/attachments|delegated",
            "/v1.0/me/calendargroup/calendars/CAL1/events|/v1.0/me/calendargroup/calendars/CAL1/events/{E}/attachments|delegated",
            "/v1.0/me/calendarGroups/GRP1/calendars/CAL1/events|/v1.0/me/calendarGroups/GRP1/calendars/CAL1/events('{E}')/attachments|delegated",
            "/beta/users/someone%40contoso.com/events|/beta/users/someone%40contoso.com/events/{E}/attachments|app",
            "/v1.0/Users/USER1/Calendars/CAL1/Events|/v1.0/users/USER1/calendars/CAL1/events/{E}/Attachments|app",
            "/v1.0/groups/GROUP1/calendar/events|/v1.0/groups/GROUP1/calendar/events/{E}/attachments|group",
            "/v1.0/groups/GROUP1/events|/beta/Groups/GROUP1/Events/{E}/attachments|group",
    })
    void fileAttachmentOnEveryRouteShape(String collection, String attachments, String caller) {
        String tenant = Tokens.newTenant();
        String token = switch (caller) {
            case "app" -> Tokens.app(tenant);
            case "group" -> Tokens.groupMember(tenant, "GROUP1");
            default -> Tokens.user(tenant);
        };
        if (collection.contains("%40")) {
            // a user addressed by name: the directory resolves it
            Events.nameAndAwait(tenant, "someone@contoso.com", UUID.randomUUID().toString());
        }
        String event = Events.create(token, collection);

        given().auth().oauth2(token)
                .contentType("application/json")
                .body(fileBody("notes.txt", "some notes"))
                .post(attachments.replace("{E}", Events.encoded(event)))
                .then().statusCode(201)
                .body("'@odata.type'", equalTo("#microsoft.graph.fileAttachment"))
                .body("size", equalTo(10));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"/v1.0/me/events|delegated", "/beta/users/U1/calendar/events|app"})
    void itemAttachmentIsNotEchoedAndHasNoContentType(String collection, String caller) throws Exception {
        String tenant = Tokens.newTenant();
        String token = "app".equals(caller) ? Tokens.app(tenant) : Tokens.user(tenant);
        String path = collection + "/" + Events.create(token, collection) + "/attachments";
        String item = "{\"@odata.type\":\"microsoft.graph.event\",\"subject\":\"Discuss gifts for children\","
                + "\"body\":{\"contentType\":\"HTML\",\"content\":\"Let's look for funding!\"},"
                + "\"start\":{\"dateTime\":\"2016-12-02T18:00:00\",\"timeZone\":\"Pacific Standard Time\"},"
                + "\"end\":{\"dateTime\":\"2016-12-02T19:00:00\",\"timeZone\":\"Pacific Standard Time\"}}";

        Response response = given().auth().oauth2(token)
                .contentType("application/json")
                .body("{\"@odata.type\":\"#microsoft.graph.itemAttachment\",\"name\":\"Holiday event\",\"item\":" + item + "}")
                .post(path);

        response.then().statusCode(201)
                .body("'@odata.type'", equalTo("#microsoft.graph.itemAttachment"))
                .body("name", equalTo("Holiday event"))
                .body("contentType", nullValue())
                .body("isInline", equalTo(false))
                .body("item", nullValue());
        byte[] stored = StackClients.read(tenant + "/" + response.path("id"));
        assertThat(ContractJson.MAPPER.readTree(stored)).isEqualTo(ContractJson.MAPPER.readTree(item));
        assertThat((Integer) response.path("size")).isEqualTo(stored.length);
        Spool.awaitEmpty(spool);
    }

    @Test
    void referenceAttachmentOnBetaIsCanonicalised() {
        String token = Tokens.user(Tokens.newTenant());
        given().auth().oauth2(token)
                .contentType("application/json")
                .body("{\"@odata.type\":\"#microsoft.graph.referenceAttachment\",\"name\":\"Personal pictures\","
                        + "\"sourceUrl\":\"https://contoso.com/personal/mario_contoso_net/Documents/Pics\","
                        + "\"providerType\":\"oneDriveConsumer\",\"permission\":\"Edit\",\"isFolder\":\"True\"}")
                .post("/beta/me/events/" + Events.create(token, "/beta/me/events") + "/attachments")
                .then().statusCode(201)
                .body("'@odata.type'", equalTo("#microsoft.graph.referenceAttachment"))
                .body("name", equalTo("Personal pictures"))
                .body("contentType", nullValue())
                .body("sourceUrl", equalTo("https://contoso.com/personal/mario_contoso_net/Documents/Pics"))
                .body("providerType", equalTo("oneDriveConsumer"))
                .body("permission", equalTo("edit"))
                .body("isFolder", equalTo(true))
                .body("thumbnailUrl", nullValue())
                .body("previewUrl", nullValue());
        // a reference has no content, but what it describes is stored (and spooled) all the same
        Spool.awaitEmpty(spool);
    }

    @Test
    void referenceAttachmentOnV1HasOnlyBaseProperties() {
        String token = Tokens.user(Tokens.newTenant());
        Response response = given().auth().oauth2(token)
                .contentType("application/json")
                .body("{\"@odata.type\":\"#microsoft.graph.referenceAttachment\",\"name\":\"Link\","
                        + "\"sourceUrl\":\"https://contoso.com/x\"}")
                .post("/v1.0/me/events/" + Events.create(token, "/v1.0/me/events") + "/attachments");

        response.then().statusCode(201).body("'@odata.type'", equalTo("#microsoft.graph.referenceAttachment"));
        assertThat(response.jsonPath().getMap("$")).doesNotContainKey("sourceUrl");
        Spool.awaitEmpty(spool);
    }

    @Test
    void declaredContentTypeAndInlineFlagAreKept() {
        byte[] png = Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
        String token = Tokens.user(Tokens.newTenant());
        given().auth().oauth2(token)
                .contentType("application/json")
                .body("{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"logo\",\"contentType\":\"image/png\","
                        + "\"isInline\":true,\"contentId\":\"logo\",\"contentBytes\":\""
                        + Base64.getEncoder().encodeToString(png) + "\"}")
                .post("/v1.0/me/events/" + Events.create(token, "/v1.0/me/events") + "/attachments")
                .then().statusCode(201)
                .body("contentType", equalTo("image/png"))
                .body("isInline", equalTo(true))
                .body("contentId", equalTo("logo"))
                .body("size", equalTo(png.length));
    }

    /** The 201 echoes the content from the spooled file: a payload of a few hundred KiB must come back whole. */
    @Test
    void aLargeFileIsEchoedByteForByte() throws Exception {
        byte[] content = new byte[384 * 1024 + 5]; // not a multiple of 3: the echo's base64 ends in padding
        new Random(11).nextBytes(content);
        String tenant = Tokens.newTenant();
        String token = Tokens.user(tenant);

        Response response = given().auth().oauth2(token)
                .contentType("application/json")
                .body("{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"photo.raw\",\"contentBytes\":\""
                        + Base64.getEncoder().encodeToString(content) + "\"}")
                .post("/v1.0/me/events/" + Events.create(token, "/v1.0/me/events") + "/attachments");

        response.then().statusCode(201).body("size", equalTo(content.length));
        byte[] echoed = Base64.getDecoder().decode(response.<String>path("contentBytes"));
        // compared by length and digest: a failure should not print two 384 KiB arrays
        assertThat(echoed).hasSize(content.length);
        assertThat(StackClients.sha256(echoed)).as("digest of the echoed contentBytes")
                .isEqualTo(StackClients.sha256(content));
        assertThat(StackClients.sha256(StackClients.read(tenant + "/" + response.path("id"))))
                .as("digest of the stored object").isEqualTo(StackClients.sha256(content));
        Spool.awaitEmpty(spool);
    }

    /**
     * While a body arrives its payload is in a spool file, and once the 201 is written the file is gone. Seeing the
     * file first shows that the empty spool the other tests wait for is the one requests really use.
     */
    @Test
    void thePayloadIsSpooledWhileTheBodyArrivesAndRemovedAfterThe201() throws Exception {
        String tenant = Tokens.newTenant();
        String token = Tokens.user(tenant);
        String path = "/v1.0/me/events/" + Events.create(token, "/v1.0/me/events") + "/attachments";
        byte[] content = new byte[256 * 1024];
        new Random(5).nextBytes(content);
        byte[] json = ("{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"slow.bin\",\"contentBytes\":\""
                + Base64.getEncoder().encodeToString(content) + "\"}").getBytes(StandardCharsets.US_ASCII);
        // the first half goes at once, the rest only when the test says so
        HeldBody body = new HeldBody(json, json.length / 2);
        Spool.awaitEmpty(spool);

        CompletableFuture<HttpResponse<String>> answer = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(),
                HttpResponse.BodyHandlers.ofString());
        try {
            Spool.awaitFiles(spool, 1);
        } finally {
            body.release();
        }
        HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String id = ContractJson.MAPPER.readTree(response.body()).get("id").asText();
        assertThat(StackClients.stat(tenant + "/" + id).size()).isEqualTo(content.length);
        Spool.awaitEmpty(spool);
    }

    /** A request body whose second part is held back until {@link #release()}. */
    static final class HeldBody extends SequenceInputStream {

        private final CountDownLatch released;

        HeldBody(byte[] body, int firstPart) {
            this(body, firstPart, new CountDownLatch(1));
        }

        private HeldBody(byte[] body, int firstPart, CountDownLatch released) {
            super(new ByteArrayInputStream(body, 0, firstPart), new InputStream() {
                private final InputStream rest = new ByteArrayInputStream(body, firstPart, body.length - firstPart);

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    try {
                        if (!released.await(60, TimeUnit.SECONDS)) {
                            throw new IOException("the rest of the body was never released");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException(e);
                    }
                    return rest.read(b, off, len);
                }
            });
            this.released = released;
        }

        void release() {
            released.countDown();
        }
    }
}
