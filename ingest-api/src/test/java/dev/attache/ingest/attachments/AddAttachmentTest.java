package dev.attache.ingest.attachments;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.attache.ingest.support.Events;
import dev.attache.ingest.support.PipelineStack;
import dev.attache.ingest.support.StackClients;
import dev.attache.ingest.support.Tokens;
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
}
