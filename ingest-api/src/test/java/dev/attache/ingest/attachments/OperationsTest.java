package dev.attache.ingest.attachments;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import dev.attache.ingest.support.Events;
import dev.attache.ingest.support.PipelineStack;
import dev.attache.ingest.support.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** What operators look at: health and metrics. */
@QuarkusTest
@QuarkusTestResource(PipelineStack.class)
class OperationsTest {

    @Test
    void readyWhenKafkaAndS3AreReachable() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 's3' }.status", equalTo("UP"));
    }

    @Test
    void metricsCountRequestsBytesAndReplyLatency() {
        String token = Tokens.user(Tokens.newTenant());
        given().auth().oauth2(token).contentType("application/json")
                .body("{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"a.txt\",\"contentBytes\":\"AQID\"}")
                .post("/v1.0/me/events/" + Events.create(token, "/v1.0/me/events") + "/attachments")
                .then().statusCode(201);

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("attache_ingest_bytes_total"))
                .body(containsString("attache_ingest_reply_latency_seconds"))
                .body(containsString("http_server_requests_seconds_count{method=\"POST\",outcome=\"SUCCESS\",status=\"201\""));
    }
}
