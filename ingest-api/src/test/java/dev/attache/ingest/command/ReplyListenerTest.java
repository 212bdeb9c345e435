package dev.attache.ingest.command;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import dev.attache.ingest.support.Events;
import dev.attache.ingest.support.PipelineStack;
import dev.attache.ingest.support.StackClients;
import dev.attache.ingest.support.Tokens;
import dev.attache.schemas.kafka.ReplyHeaders;
import dev.attache.schemas.kafka.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The reply listener outlives what it cannot read: a poison record is skipped and counted, and replies flow on. */
@QuarkusTest
@QuarkusTestResource(PipelineStack.class)
class ReplyListenerTest {

    static double skipped() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("attache_ingest_reply_records_skipped_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void aPoisonRecordIsSkippedCountedAndTheNextRequestIsAnswered() {
        String token = Tokens.user(Tokens.newTenant());
        String event = Events.create(token, "/v1.0/me/events");
        double before = skipped();

        for (byte[] poison : new byte[][] {"not json".getBytes(StandardCharsets.UTF_8), {(byte) 0xFF, 0x00},
                "{\"schemaVersion\":\"one\"}".getBytes(StandardCharsets.UTF_8)}) {
            StackClients.produce(Topics.ATTACHMENT_REPLIES, "k", poison, new RecordHeaders()
                    .add(ReplyHeaders.CORRELATION_ID, "not-a-waiting-request".getBytes(StandardCharsets.UTF_8)));
        }
        // the next request's reply comes after the poison on some partitions: it is answered all the same
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).contentType("application/json")
                    .body("{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"a.txt\","
                            + "\"contentBytes\":\"AQID\"}")
                    .post("/v1.0/me/events/" + event + "/attachments").then().statusCode(201);
        }

        assertThat(skipped() - before).isEqualTo(3);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
    }
}
