package dev.attache.ingest.attachments;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.attache.ingest.support.Events;
import dev.attache.ingest.support.PipelineStack;
import dev.attache.ingest.support.Spool;
import dev.attache.ingest.support.StackClients;
import dev.attache.ingest.support.Tokens;
import dev.attache.ingest.spool.SpoolDirectory;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;

/** Bad input gets a Graph error with a JSON body, never a 500, and leaves no object and no spooled file behind. */
@QuarkusTest
@QuarkusTestResource(PipelineStack.class)
class BadInputTest {

    /** Paths are written as clients send them, already percent-encoded: RestAssured must not encode them again. */
    @BeforeAll
    static void sendPathsAsWritten() {
        RestAssured.urlEncodingEnabled = false;
    }

    static final String PATH = "/v1.0/me/events/EV1/attachments";
    static final String FILE = "{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"a.txt\",\"contentBytes\":\"AQID\"}";

    /** Where payloads wait between the body and S3: a refused request must not leave its file there. */
    @Inject
    SpoolDirectory spool;

    static void assertGraphError(ValidatableResponse response, int status, String code) {
        response.statusCode(status)
                .contentType(startsWith("application/json"))
                .body("error.code", equalTo(code))
                .body("error.message", notNullValue())
                .body("error.innerError.request-id", matchesPattern("[0-9a-f-]{36}"))
                .body("error.innerError.date", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing @odata.type|{\"name\":\"a.txt\",\"contentBytes\":\"AQID\"}|ErrorInvalidRequest",
            "unknown @odata.type|{\"@odata.type\":\"#microsoft.graph.photoAttachment\",\"name\":\"a\",\"contentBytes\":\"AQID\"}|ErrorInvalidRequest",
            "missing name|{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"contentBytes\":\"AQID\"}|ErrorInvalidRequest",
            "file without content|{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"a.txt\"}|ErrorInvalidRequest",
            "invalid base64|{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"a.txt\",\"contentBytes\":\"AQ*D!!\"}|BadRequest",
            "malformed JSON|{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"a.txt\",\"contentBytes\":\"AQID\"|BadRequest",
            "truncated content|{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"a.txt\",\"contentBytes\":\"AQIDBAUG|BadRequest",
            "trailing garbage|{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"a.txt\",\"contentBytes\":\"AQID\"} x|BadRequest",
            "not an object|[1,2,3]|BadRequest",
            "empty body|''|BadRequest",
            "name not a string|{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":5,\"contentBytes\":\"AQID\"}|BadRequest",
            "isInline not a boolean|{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"a\",\"isInline\":\"maybe\",\"contentBytes\":\"AQID\"}|BadRequest",
            "contentBytes not a string|{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"a\",\"contentBytes\":[1]}|BadRequest",
            "item not an object|{\"@odata.type\":\"#microsoft.graph.itemAttachment\",\"name\":\"a\",\"item\":\"x\"}|BadRequest",
            "item of unknown type|{\"@odata.type\":\"#microsoft.graph.itemAttachment\",\"name\":\"a\",\"item\":{\"@odata.type\":\"#microsoft.graph.driveItem\"}}|ErrorInvalidRequest",
            "unknown property|{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"a\",\"colour\":\"red\",\"contentBytes\":\"AQID\"}|BadRequest",
            "both payloads|{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"a\",\"contentBytes\":\"AQID\",\"item\":{}}|BadRequest",
            "reference without sourceUrl on beta|{\"@odata.type\":\"#microsoft.graph.referenceAttachment\",\"name\":\"a\",\"permission\":\"edit\"}|ErrorInvalidRequest",
            "contentType contradicting the bytes|{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"a.pdf\",\"contentType\":\"image/png\",\"contentBytes\":\"JVBERi0xLjQKJcOkw7zDtsOfCjIgMCBvYmoKPDwvTGVuZ3RoIDMgMCBSPj4Kc3RyZWFtCg==\"}|ErrorInvalidRequest",
    })
    void refusedWithAGraphErrorAndNothingLeftBehind(String label, String body, String code) throws Exception {
        String tenant = Tokens.newTenant();
        String token = Tokens.user(tenant);
        String version = label.contains("beta") ? "/beta" : "/v1.0";
        // A real event: what is refused here is the body, not the address.
        String path = version + "/me/events/" + Events.create(token, version + "/me/events") + "/attachments";

        assertGraphError(given().auth().oauth2(token).contentType("application/json")
                .body(body.equals("''") ? "" : body).post(path).then(), 400, code);

        assertThat(StackClients.settledObjectKeys(tenant + "/", List::isEmpty)).as("objects left for " + label).isEmpty();
        Spool.awaitEmpty(spool);
    }

    /** The event is the processor's to find, so this body was spooled and stored before the refusal came back. */
    @Test
    void anAttachmentToAnUnknownEventIs404AndLeavesNothing() throws Exception {
        String tenant = Tokens.newTenant();
        String token = Tokens.user(tenant);

        assertGraphError(given().auth().oauth2(token).contentType("application/json").body(FILE)
                .post("/v1.0/me/events/AAMk" + UUID.randomUUID() + "/attachments").then(), 404, "ErrorItemNotFound");

        assertThat(StackClients.settledObjectKeys(tenant + "/", List::isEmpty)).isEmpty();
        Spool.awaitEmpty(spool);
    }

    /** A client that goes away half-way through its body: the spooled half is dropped and nothing is stored. */
    @Test
    void aClientThatGoesAwayMidBodyLeavesNoSpooledFileAndNoObject() throws Exception {
        String tenant = Tokens.newTenant();
        String token = Tokens.user(tenant);
        String path = "/v1.0/me/events/" + Events.create(token, "/v1.0/me/events") + "/attachments";
        String half = "{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"gone.bin\",\"contentBytes\":\""
                + Base64.getEncoder().encodeToString(new byte[96 * 1024]);
        Spool.awaitEmpty(spool);

        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            // Content-Length promises twice what is sent, so the server is still reading when the client leaves
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + 2 * half.length() + "\r\n\r\n" + half)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // the body is being spooled: proof that the file this test then sees go is the request's
            Spool.awaitFiles(spool, 1);
        }

        Spool.awaitEmpty(spool);
        assertThat(StackClients.objectKeys(tenant + "/")).isEmpty();
    }

    @Test
    void notJsonIs415() throws Exception {
        String tenant = Tokens.newTenant();
        assertGraphError(given().auth().oauth2(Tokens.user(tenant)).contentType("text/plain").body("hello")
                .post(PATH).then(), 415, "UnsupportedMediaType");
        assertThat(StackClients.objectKeys(tenant + "/")).isEmpty();
        Spool.awaitEmpty(spool);
    }

    @Test
    void unknownRoutesAre404() {
        String token = Tokens.user(Tokens.newTenant());
        assertGraphError(given().auth().oauth2(token).contentType("application/json").body("{}")
                .post("/v1.0/me/messages/M1/attachments").then(), 404, "ResourceNotFound");
        assertGraphError(given().auth().oauth2(token).get("/v1.0/me/todo/lists").then(), 404, "ResourceNotFound");
        assertGraphError(given().auth().oauth2(token).get("/nowhere").then(), 404, "ResourceNotFound");
    }

    @Test
    void wrongMethodIs405() {
        String token = Tokens.user(Tokens.newTenant());
        assertGraphError(given().auth().oauth2(token).put(PATH).then(), 405, "MethodNotAllowed");
        assertGraphError(given().auth().oauth2(token).contentType("application/json").body("{}")
                .patch(PATH).then(), 405, "MethodNotAllowed");
    }

    @Test
    void malformedIdIs400() {
        assertGraphError(given().auth().oauth2(Tokens.user(Tokens.newTenant())).contentType("application/json")
                .body("{}").post("/v1.0/me/events/E%C3%28/attachments").then(), 400, "ErrorInvalidIdMalformed");
    }

    @Test
    void missingOrInvalidTokensAre401WithAChallenge() {
        String tenant = Tokens.newTenant();
        String oid = UUID.randomUUID().toString();
        String expired = Tokens.sign(Tokens.delegated(tenant, oid).issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600)));
        String wrongIssuer = Tokens.sign(Tokens.delegated(tenant, oid).issuer("https://elsewhere.example"));
        String wrongAudience = Tokens.sign(Tokens.delegated(tenant, oid).audience("api://something-else"));
        String noTenant = Tokens.sign(Tokens.delegated(tenant, oid).remove("tid"));
        String notYetValid = Tokens.sign(Tokens.delegated(tenant, oid).claim("nbf", Instant.now().plusSeconds(3600).getEpochSecond()));
        String signed = Tokens.user(tenant);
        String unsigned = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + signed.substring(signed.indexOf('.'), signed.lastIndexOf('.') + 1);
        String tampered = Tokens.user(tenant);
        tampered = tampered.substring(0, tampered.lastIndexOf('.') + 1) + "AAAA" + tampered.substring(tampered.lastIndexOf('.') + 5);

        assertGraphError(given().contentType("application/json").body("{}").post(PATH).then()
                .header("WWW-Authenticate", startsWith("Bearer")), 401, "InvalidAuthenticationToken");
        for (String token : new String[] {"not-a-jwt", expired, notYetValid, wrongIssuer, wrongAudience, noTenant,
                unsigned, tampered}) {
            assertGraphError(given().auth().oauth2(token).contentType("application/json").body("{}").post(PATH)
                    .then().header("WWW-Authenticate", startsWith("Bearer")), 401, "InvalidAuthenticationToken");
        }
        given().auth().oauth2(expired).contentType("application/json").body("{}").post(PATH).then()
                .body("error.message", containsString("expired"));
    }

    @Test
    void appOnlyTokenOnMeIs400AndMissingPermissionIs403() throws Exception {
        String tenant = Tokens.newTenant();
        String app = Tokens.sign(Tokens.app(tenant, UUID.randomUUID().toString(), "Calendars.ReadWrite"));
        String readOnly = Tokens.sign(Tokens.delegated(tenant, UUID.randomUUID().toString(), "Calendars.Read"));
        String body = "{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"a.txt\",\"contentBytes\":\"AQID\"}";

        assertGraphError(given().auth().oauth2(app).contentType("application/json").body(body).post(PATH).then(),
                400, "BadRequest");
        assertGraphError(given().auth().oauth2(readOnly).contentType("application/json").body(body).post(PATH)
                .then(), 403, "ErrorAccessDenied");
        Spool.awaitEmpty(spool);
        String event = Events.create(app, "/v1.0/users/U1/events");
        given().auth().oauth2(app).contentType("application/json").body(body)
                .post("/v1.0/users/U1/events/" + event + "/attachments")
                .then().statusCode(201);
        assertThat(StackClients.objectKeys(tenant + "/")).hasSize(1);
    }

    @Test
    void clientRequestIdIsEchoedOnErrorsToo() {
        given().header("client-request-id", "abc-123").contentType("application/json").body("{}").post(PATH)
                .then().statusCode(401)
                .header("client-request-id", "abc-123")
                .body("error.innerError.client-request-id", equalTo("abc-123"));
    }

}
