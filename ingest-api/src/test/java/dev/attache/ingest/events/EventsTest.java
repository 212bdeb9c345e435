package dev.attache.ingest.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.attache.ingest.support.Events;
import dev.attache.ingest.support.PipelineStack;
import dev.attache.ingest.support.StackClients;
import dev.attache.ingest.support.Tokens;
import dev.attache.schemas.ContractSchemas;
import dev.attache.schemas.kafka.ContractJson;
import dev.attache.schemas.kafka.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The minimal Graph event endpoints, writing the registry through the pipeline. */
@QuarkusTest
@QuarkusTestResource(PipelineStack.class)
class EventsTest {

    static final String FILE = "{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"a.txt\","
            + "\"contentBytes\":\"AQID\"}";

    @Test
    void createsAnEventInTheRegistryAndAnswersItsGraphShape() throws Exception {
        String tenant = Tokens.newTenant();
        String oid = UUID.randomUUID().toString();
        var response = given().auth().oauth2(Tokens.sign(Tokens.delegated(tenant, oid))).contentType("application/json")
                .body("{\"subject\":\"Discuss gifts\",\"body\":{\"contentType\":\"HTML\",\"content\":\"Let's look\"},"
                        + "\"start\":{\"dateTime\":\"2026-12-02T18:00:00\",\"timeZone\":\"Pacific Standard Time\"},"
                        + "\"end\":{\"dateTime\":\"2026-12-02T19:00:00\",\"timeZone\":\"Pacific Standard Time\"},"
                        + "\"location\":{\"displayName\":\"Room 1\"},\"isOnlineMeeting\":false}")
                .post("/v1.0/me/events");

        response.then().statusCode(201)
                .header("Location", matchesPattern(".*/v1\\.0/users/" + oid + "/events/[A-Za-z0-9_-]{24}"))
                .body("'@odata.context'", equalTo("http://localhost:" + RestAssured.port + "/v1.0/$metadata#users('"
                        + oid + "')/events/$entity"))
                .body("id", matchesPattern("[A-Za-z0-9_-]{24}"))
                .body("subject", equalTo("Discuss gifts"))
                .body("body.contentType", equalTo("html"))
                .body("start.dateTime", equalTo("2026-12-02T18:00:00"))
                .body("end.timeZone", equalTo("Pacific Standard Time"))
                .body("location.displayName", equalTo("Room 1"))
                .body("createdDateTime", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"))
                .body("hasAttachments", equalTo(false));
        String id = response.path("id");

        var record = StackClients.findRecord(Topics.CALENDAR_EVENTS, v -> v.contains(id), Duration.ofSeconds(15))
                .orElseThrow();
        assertThat(ContractSchemas.violations(ContractSchemas.EVENT_V1, ContractJson.MAPPER.readTree(record.value())))
                .isEmpty();
    }

    @Test
    void deletingAnEventDeletesItsAttachmentsAndTheirObjects() throws Exception {
        String tenant = Tokens.newTenant();
        String token = Tokens.user(tenant);
        String event = Events.create(token, "/v1.0/me/events");
        String kept = Events.create(token, "/v1.0/me/events");
        for (String e : new String[] {event, event, kept}) {
            given().auth().oauth2(token).contentType("application/json").body(FILE)
                    .post("/v1.0/me/events/" + e + "/attachments").then().statusCode(201);
        }
        assertThat(StackClients.objectKeys(tenant + "/")).hasSize(3);

        given().auth().oauth2(token).delete("/v1.0/me/events/" + event).then().statusCode(204);

        assertThat(StackClients.settledObjectKeys(tenant + "/", keys -> keys.size() == 1)).hasSize(1);
        given().auth().oauth2(token).contentType("application/json").body(FILE)
                .post("/v1.0/me/events/" + event + "/attachments").then().statusCode(404)
                .body("error.code", equalTo("ErrorItemNotFound"));
        given().auth().oauth2(token).delete("/v1.0/me/events/" + event).then().statusCode(404);
        assertThat(StackClients.objectKeys(tenant + "/")).hasSize(1);
    }

    @Test
    void othersCannotDeleteAnEvent() {
        String tenant = Tokens.newTenant();
        String owner = Tokens.user(tenant);
        String event = Events.create(owner, "/v1.0/me/events");

        given().auth().oauth2(Tokens.user(tenant)).delete("/v1.0/me/events/" + event).then().statusCode(404);
        given().auth().oauth2(Tokens.user(Tokens.newTenant())).delete("/v1.0/me/events/" + event).then().statusCode(404);
        given().auth().oauth2(owner).contentType("application/json").body(FILE)
                .post("/v1.0/me/events/" + event + "/attachments").then().statusCode(201);
    }

    @Test
    void readsAnEventWhereAWriteWouldBeAllowedAndNowhereElse() {
        String tenant = Tokens.newTenant();
        String oid = UUID.randomUUID().toString();
        String owner = Tokens.sign(Tokens.delegated(tenant, oid));
        String readOnly = Tokens.sign(Tokens.delegated(tenant, oid, "Calendars.Read"));
        String event = Events.create(owner, "/v1.0/me/calendars/C1/events");

        given().auth().oauth2(readOnly).get("/v1.0/me/events/" + event).then().statusCode(200)
                .body("id", equalTo(event))
                .body("subject", equalTo("Planning"))
                .body("'@odata.context'", equalTo("http://localhost:" + RestAssured.port + "/v1.0/$metadata#users('"
                        + oid + "')/events/$entity"));
        given().auth().oauth2(owner).get("/beta/users/" + oid + "/calendars/C1/events('" + event + "')").then()
                .statusCode(200);
        given().auth().oauth2(Tokens.app(tenant)).get("/v1.0/users/" + oid + "/events/" + event).then()
                .statusCode(200);

        given().auth().oauth2(owner).get("/v1.0/me/calendars/C2/events/" + event).then().statusCode(404)
                .body("error.code", equalTo("ErrorItemNotFound"));
        given().auth().oauth2(Tokens.user(tenant)).get("/v1.0/me/events/" + event).then().statusCode(404);
        given().auth().oauth2(Tokens.user(Tokens.newTenant())).get("/v1.0/me/events/" + event).then().statusCode(404);
        given().auth().oauth2(Tokens.sign(Tokens.delegated(tenant, oid, "User.Read"))).get("/v1.0/me/events/" + event)
                .then().statusCode(403).body("error.code", equalTo("ErrorAccessDenied"));

        given().auth().oauth2(owner).delete("/v1.0/me/events/" + event).then().statusCode(204);
        given().auth().oauth2(owner).get("/v1.0/me/events/" + event).then().statusCode(404);
    }

    @Test
    void anInvalidEventIsRefused() {
        given().auth().oauth2(Tokens.user(Tokens.newTenant())).contentType("application/json")
                .body("{\"subject\":\"Backwards\",\"start\":{\"dateTime\":\"2026-12-02T19:00:00\",\"timeZone\":\"UTC\"},"
                        + "\"end\":{\"dateTime\":\"2026-12-02T18:00:00\",\"timeZone\":\"UTC\"}}")
                .post("/v1.0/me/events").then().statusCode(400).body("error.code", equalTo("ErrorInvalidRequest"));
        given().auth().oauth2(Tokens.user(Tokens.newTenant())).contentType("application/json")
                .body("{\"subject\":5}").post("/v1.0/me/events").then().statusCode(400)
                .body("error.code", equalTo("BadRequest"));
    }
}
