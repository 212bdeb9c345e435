package dev.attache.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.attache.ingest.support.PipelineStack;
import dev.attache.ingest.support.RawHttp;
import dev.attache.ingest.support.StackClients;
import dev.attache.ingest.support.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * What the HTTP layer refuses before any resource sees the request answers in Graph's envelope too: the SDKs read
 * {@code error.code} and {@code error.message}, and fail on an empty body.
 */
@QuarkusTest
@QuarkusTestResource(PipelineStack.class)
class HttpLayerRefusalsTest {

    static void assertGraphError(RawHttp.Reply reply, int status, String code) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.headers().get("content-type")).as("%s %s", reply.headers(), reply.text())
                .startsWith("application/json");
        assertThat(reply.headers()).containsKey("request-id");
        JsonNode error = reply.json().path("error");
        assertThat(error.path("code").asText()).isEqualTo(code);
        assertThat(error.path("message").asText()).isNotBlank();
        assertThat(error.path("innerError").path("request-id").asText()).isEqualTo(reply.headers().get("request-id"));
    }

    @Test
    void aHundredKilobyteHeaderIs431() throws Exception {
        RawHttp.Reply reply = RawHttp.send(RestAssured.port, "GET /v1.0/me/events/E1/attachments HTTP/1.1\r\n"
                + "Host: localhost\r\nX-Padding: " + "a".repeat(100 * 1024) + "\r\n\r\n");

        assertGraphError(reply, 431, "RequestHeaderFieldsTooLarge");
    }

    @Test
    void aTwentyKilobytePathIs414() throws Exception {
        RawHttp.Reply reply = RawHttp.send(RestAssured.port, "GET /v1.0/me/events/" + "A".repeat(20 * 1024)
                + "/attachments HTTP/1.1\r\nHost: localhost\r\n\r\n");

        assertGraphError(reply, 414, "RequestUriTooLong");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1.0/me/events/%zz/attachments", "/v1.0/me/events/E1/attachments%", "/v1.0/me/%E",
            "/v1.0/me/events/E1/attachments?$filter=name%20eq%2", "/%", "/v1.0/me/events/{E1}/attachments",
            "/v1.0/me/events/a|b/attachments"})
    void aMalformedPercentEscapeIs400(String target) throws Exception {
        RawHttp.Reply reply = RawHttp.send(RestAssured.port, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + Tokens.user(Tokens.newTenant()) + "\r\n\r\n");

        assertGraphError(reply, 400, "BadRequest");
    }

    @Test
    void aPostWithATooLargeDeclaredBodyIs413AndStoresNothing() throws Exception {
        String tenant = Tokens.newTenant();
        RawHttp.Reply reply = RawHttp.send(RestAssured.port, "POST /v1.0/me/events/E1/attachments HTTP/1.1\r\n"
                + "Host: localhost\r\nAuthorization: Bearer " + Tokens.user(tenant) + "\r\n"
                + "Content-Type: application/json\r\nContent-Length: 70000000\r\n\r\n");

        assertGraphError(reply, 413, "RequestEntityTooLarge");
        assertThat(StackClients.objectKeys(tenant + "/")).isEmpty();
    }
}
