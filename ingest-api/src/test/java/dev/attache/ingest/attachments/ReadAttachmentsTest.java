package dev.attache.ingest.attachments;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.attache.ingest.support.Events;
import dev.attache.ingest.support.PipelineStack;
import dev.attache.ingest.support.StackClients;
import dev.attache.ingest.support.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** List, get, $count, $value and delete, read from the processor's state right after each write. */
@QuarkusTest
@QuarkusTestResource(PipelineStack.class)
class ReadAttachmentsTest {

    static final String MENU = "mac and cheese today";

    @BeforeAll
    static void sendPathsAsWritten() {
        RestAssured.urlEncodingEnabled = false;
    }

    static String add(String token, String base, String body) {
        return given().auth().oauth2(token).contentType("application/json").body(body).post(base)
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void readsWhatWasJustWrittenAndDeletesIt() throws Exception {
        String tenant = Tokens.newTenant();
        String token = Tokens.user(tenant);
        String base = "/beta/me/events/" + Events.create(token, "/beta/me/events") + "/attachments";
        String file = add(token, base, "{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"menu.txt\","
                + "\"contentBytes\":\"" + Base64.getEncoder().encodeToString(MENU.getBytes(StandardCharsets.UTF_8)) + "\"}");
        String item = add(token, base, "{\"@odata.type\":\"#microsoft.graph.itemAttachment\",\"name\":\"Holiday\","
                + "\"item\":{\"@odata.type\":\"#microsoft.graph.event\",\"subject\":\"Gifts\"}}");
        String reference = add(token, base, "{\"@odata.type\":\"#microsoft.graph.referenceAttachment\",\"name\":\"Pics\","
                + "\"sourceUrl\":\"https://contoso.com/pics\",\"permission\":\"view\"}");

        given().auth().oauth2(token).get(base).then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("value", hasSize(3))
                .body("value.find { it.id == '" + file + "' }.'@odata.type'", equalTo("#microsoft.graph.fileAttachment"))
                .body("value.find { it.id == '" + file + "' }.contentBytes",
                        equalTo(Base64.getEncoder().encodeToString(MENU.getBytes(StandardCharsets.UTF_8))))
                .body("value.find { it.id == '" + item + "' }.'@odata.type'", equalTo("#microsoft.graph.itemAttachment"))
                .body("value.find { it.id == '" + reference + "' }.sourceUrl", equalTo("https://contoso.com/pics"));
        assertThat(given().auth().oauth2(token).get(base + "/$count").then().statusCode(200)
                .contentType(startsWith("text/plain")).extract().asString()).isEqualTo("3");

        given().auth().oauth2(token).get(base + "/" + file).then().statusCode(200)
                .body("name", equalTo("menu.txt")).body("size", equalTo(MENU.length()));
        given().auth().oauth2(token).get(base + "/" + item).then().statusCode(200)
                .body("item", nullValue());

        var value = given().auth().oauth2(token).get(base + "/" + file + "/$value").then().statusCode(200)
                .contentType(startsWith("text/plain")).header("Content-Length", Integer.toString(MENU.length()))
                .extract();
        assertThat(value.asByteArray()).isEqualTo(MENU.getBytes(StandardCharsets.UTF_8));
        given().auth().oauth2(token).get(base + "/" + reference + "/$value").then().statusCode(405);
        String calendar = given().auth().oauth2(token).get(base + "/" + item + "/$value").then().statusCode(200)
                .contentType(startsWith("text/calendar")).extract().asString();
        assertThat(calendar).startsWith("BEGIN:VCALENDAR").contains("SUMMARY:Gifts");

        given().auth().oauth2(token).delete(base + "/" + file).then().statusCode(204);
        given().auth().oauth2(token).get(base + "/" + file).then().statusCode(404)
                .body("error.code", equalTo("ErrorItemNotFound"));
        given().auth().oauth2(token).delete(base + "/" + file).then().statusCode(404);
        given().auth().oauth2(token).get(base).then().statusCode(200).body("value", hasSize(2));
        assertThat(StackClients.settledObjectKeys(tenant + "/", keys -> !keys.contains(tenant + "/" + file))).hasSize(2)
                .doesNotContain(tenant + "/" + file);
    }

    @Test
    void queryOptionsSelectFilterOrderAndPage() {
        String token = Tokens.user(Tokens.newTenant());
        String base = "/v1.0/me/events/" + Events.create(token, "/v1.0/me/events") + "/attachments";
        for (int i = 0; i < 5; i++) {
            add(token, base, "{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"f" + i + ".txt\","
                    + "\"isInline\":" + (i % 2 == 0) + ",\"contentId\":\"c" + i + "\",\"contentBytes\":\""
                    + Base64.getEncoder().encodeToString("x".repeat(i + 1).getBytes(StandardCharsets.UTF_8)) + "\"}");
        }
        String item = add(token, base, "{\"@odata.type\":\"#microsoft.graph.itemAttachment\",\"name\":\"i.ics\","
                + "\"item\":{\"@odata.type\":\"#microsoft.graph.event\",\"subject\":\"Gifts\"}}");

        given().auth().oauth2(token).get(base + "?$select=id,name,size&$orderby=size%20desc&$filter=size%20gt%202"
                + "%20and%20startswith(name,'f')&$count=true").then().statusCode(200)
                .body("'@odata.count'", equalTo(3))
                .body("value.name", equalTo(List.of("f4.txt", "f3.txt", "f2.txt")))
                .body("value[0].contentBytes", nullValue())
                .body("value[0].containsKey('contentBytes')", equalTo(false))
                .body("value[0].containsKey('isInline')", equalTo(false));
        given().auth().oauth2(token).get(base + "?$select=name,microsoft.graph.fileAttachment/contentId&$filter="
                + "isInline%20eq%20true%20or%20name%20eq%20'i.ics'&$orderby=name").then().statusCode(200)
                .body("value.name", equalTo(List.of("f0.txt", "f2.txt", "f4.txt", "i.ics")))
                .body("value[0].contentId", equalTo("c0"));

        var first = given().auth().oauth2(token).get(base + "?$top=4&$orderby=name&$select=name").then()
                .statusCode(200).body("value", hasSize(4)).extract();
        String next = first.path("'@odata.nextLink'");
        assertThat(next).contains("$skip=4");
        given().auth().oauth2(token).get(next.substring(next.indexOf("/v1.0"))).then().statusCode(200)
                .body("value.name", equalTo(List.of("f4.txt", "i.ics")))
                .body("containsKey('@odata.nextLink')", equalTo(false));
        assertThat(given().auth().oauth2(token).get(base + "/$count?$filter=size%20lt%203").then().statusCode(200)
                .extract().asString()).isEqualTo("2");

        given().auth().oauth2(token).get(base + "/" + item + "?$expand=microsoft.graph.itemattachment/item").then()
                .statusCode(200)
                .body("item.subject", equalTo("Gifts"))
                .body("'item@odata.context'", org.hamcrest.Matchers.endsWith("/microsoft.graph.itemAttachment/item/$entity"));

        given().auth().oauth2(token).get(base + "?$select=contentId").then().statusCode(400)
                .body("error.message", equalTo("Could not find a property named 'contentId' on type 'microsoft.graph.attachment'."));
        given().auth().oauth2(token).get(base + "?$search=x").then().statusCode(400).body("error.code", equalTo("BadRequest"));
        given().auth().oauth2(token).get(base + "?$filter=size%20gt").then().statusCode(400);
    }

    @Test
    void readsAreRefusedWhereWritesWouldBe() {
        String tenant = Tokens.newTenant();
        String owner = Tokens.user(tenant);
        String base = "/v1.0/me/events/" + Events.create(owner, "/v1.0/me/events") + "/attachments";
        String file = add(owner, base, "{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"a.txt\","
                + "\"contentBytes\":\"AQID\"}");

        for (String token : List.of(Tokens.user(tenant), Tokens.user(Tokens.newTenant()))) {
            given().auth().oauth2(token).get(base).then().statusCode(404);
            given().auth().oauth2(token).get(base + "/" + file).then().statusCode(404);
            given().auth().oauth2(token).get(base + "/" + file + "/$value").then().statusCode(404);
            given().auth().oauth2(token).delete(base + "/" + file).then().statusCode(404);
        }
        given().auth().oauth2(owner).get(base + "/" + file).then().statusCode(200);
    }
}
