package dev.attache.ingest.attachments;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.attache.ingest.support.Events;
import dev.attache.ingest.support.PipelineStack;
import dev.attache.ingest.support.StackClients;
import dev.attache.ingest.support.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Uploaded content never runs on the service's origin: {@code $value} of active content is a sandboxed download, of
 * passive content an inline display the browser may not re-interpret; names that would break a header are refused
 * before anything is stored.
 */
@QuarkusTest
@QuarkusTestResource(PipelineStack.class)
class ContentSafetyTest {

    static final String PAGE = "<html><body><script>alert(document.cookie)</script></body></html>";

    @BeforeAll
    static void sendPathsAsWritten() {
        RestAssured.urlEncodingEnabled = false;
    }

    static String file(String name, String contentType, byte[] content) {
        return "{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"" + name + "\""
                + (contentType == null ? "" : ",\"contentType\":\"" + contentType + "\"")
                + ",\"contentBytes\":\"" + Base64.getEncoder().encodeToString(content) + "\"}";
    }

    static ExtractableResponse<Response> value(String name, String contentType, byte[] content) {
        String token = Tokens.user(Tokens.newTenant());
        String base = "/v1.0/me/events/" + Events.create(token, "/v1.0/me/events") + "/attachments";
        String id = given().auth().oauth2(token).contentType("application/json").body(file(name, contentType, content))
                .post(base).then().statusCode(201).extract().path("id");
        return given().auth().oauth2(token).get(base + "/" + id + "/$value").then().statusCode(200).extract();
    }

    static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script>"
            + "</svg>";

    @ParameterizedTest
    @CsvSource({"page.html, text/html, html", "logo.svg, image/svg+xml, svg", "page.html, '', html",
            "logo.svg, '', svg"})
    void activeContentIsADownloadInASandboxWithItsBytesIntact(String name, String contentType, String kind) {
        String content = kind.equals("svg") ? SVG : PAGE;
        ExtractableResponse<Response> value = value(name, contentType.isEmpty() ? null : contentType,
                content.getBytes(StandardCharsets.UTF_8));

        assertThat(value.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(value.header("Content-Security-Policy")).isEqualTo("sandbox");
        assertThat(value.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"" + name + "\"; filename*=UTF-8''" + name);
        assertThat(value.asByteArray()).isEqualTo(content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void passiveContentIsShownInlineButNeverSniffed() {
        byte[] png = Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwAD"
                + "hgGAWjR9awAAAABJRU5ErkJggg==");
        ExtractableResponse<Response> value = value("pixel.png", null, png);

        assertThat(value.contentType()).isEqualTo("image/png");
        assertThat(value.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(value.header("Content-Security-Policy")).isNull();
        assertThat(value.header("Content-Disposition"))
                .isEqualTo("inline; filename=\"pixel.png\"; filename*=UTF-8''pixel.png");
        assertThat(value.asByteArray()).isEqualTo(png);
    }

    @Test
    void anItemsMimeIsADownloadToo() {
        String token = Tokens.user(Tokens.newTenant());
        String base = "/v1.0/me/events/" + Events.create(token, "/v1.0/me/events") + "/attachments";
        String id = given().auth().oauth2(token).contentType("application/json")
                .body("{\"@odata.type\":\"#microsoft.graph.itemAttachment\",\"name\":\"Réunion\","
                        + "\"item\":{\"@odata.type\":\"#microsoft.graph.event\",\"subject\":\"Gifts\"}}")
                .post(base).then().statusCode(201).extract().path("id");

        ExtractableResponse<Response> value = given().auth().oauth2(token).get(base + "/" + id + "/$value").then()
                .statusCode(200).extract();

        assertThat(value.contentType()).startsWith("text/calendar");
        assertThat(value.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"R_union\"; filename*=UTF-8''R%C3%A9union");
        assertThat(value.header("Content-Security-Policy")).isEqualTo("sandbox");
        assertThat(value.asString()).startsWith("BEGIN:VCALENDAR");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\\u0000b.txt", "line\\nbreak.txt", "bell\\u0007.txt", "evil\\u202Efdp.exe", "half\\ud800.txt",
            "del\\u007f.txt"})
    void namesWithControlCharactersAreRefusedBeforeAnythingIsStored(String escapedName) throws Exception {
        String tenant = Tokens.newTenant();
        String token = Tokens.user(tenant);
        String base = "/v1.0/me/events/" + Events.create(token, "/v1.0/me/events") + "/attachments";

        var refused = given().auth().oauth2(token).contentType("application/json")
                .body(file(escapedName, "text/plain", "hello".getBytes(StandardCharsets.UTF_8))).post(base)
                .then().statusCode(400).extract();

        assertThat(refused.<String>path("error.code")).isEqualTo("ErrorInvalidRequest");
        assertThat(refused.<String>path("error.message")).startsWith("The property 'name' contains");
        assertThat(StackClients.objectKeys(tenant + "/")).as("nothing stored").isEmpty();
        assertThat(given().auth().oauth2(token).get(base).then().statusCode(200).extract().<java.util.List<?>>path("value"))
                .isEmpty();
    }

    @Test
    void everyStringIsCappedBeforeTheAppend() throws Exception {
        String tenant = Tokens.newTenant();
        String token = Tokens.user(tenant);
        String base = "/beta/me/events/" + Events.create(token, "/beta/me/events") + "/attachments";
        String longUrl = "https://contoso.com/" + "a".repeat(2048);

        var refused = given().auth().oauth2(token).contentType("application/json")
                .body("{\"@odata.type\":\"#microsoft.graph.referenceAttachment\",\"name\":\"Pics\",\"sourceUrl\":\""
                        + longUrl + "\"}").post(base).then().statusCode(400).extract();

        assertThat(refused.<String>path("error.message"))
                .isEqualTo("The property 'sourceUrl' must be at most 2048 characters; it has 2068.");
        assertThat(StackClients.objectKeys(tenant + "/")).isEmpty();
    }
}
