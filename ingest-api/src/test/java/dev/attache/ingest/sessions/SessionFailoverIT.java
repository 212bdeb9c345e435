package dev.attache.ingest.sessions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.attache.ingest.support.AppProcess;
import dev.attache.ingest.support.PipelineStack;
import dev.attache.ingest.support.StackClients;
import dev.attache.ingest.support.StackConfig;
import dev.attache.ingest.support.UserWithEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * An ingest-api instance killed between the slices of a session: the next slices go to another instance, which takes
 * them from where the session is (its state is in Kafka, its bytes in S3), and the attachment is whole.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(PipelineStack.class)
class SessionFailoverIT {

    static final int MIB = 1024 * 1024;
    static AppProcess doomed;

    @BeforeAll
    static void startAnInstanceToKill() throws Exception {
        doomed = AppProcess.start(Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath(),
                StackConfig.ingestApiEnvironment(), Duration.ofSeconds(90));
    }

    @AfterAll
    static void stop() {
        if (doomed != null) {
            doomed.close();
        }
    }

    /** The same upload URL, through another instance (as a load balancer would send it). */
    static String via(String uploadUrl, int port) {
        return uploadUrl.replaceFirst("^http://[^/]+", "http://localhost:" + port);
    }

    @Test
    void aSessionBegunOnAnInstanceKilledMidwayIsFinishedThroughAnother() throws Exception {
        UserWithEvent user = UserWithEvent.create();
        byte[] content = UploadSessions.bytes(14 * MIB + 5, 11);
        String url = UploadSessions.uploadUrl(user, "failover.bin", content.length);
        // 4 MiB slices: the first waits as a remainder, the second makes a part with it, the third waits again
        for (int from = 0; from < 12 * MIB; from += 4 * MIB) {
            UploadSessions.put(via(url, doomed.port()), content, from, from + 4 * MIB).then().statusCode(200);
        }

        doomed.kill();

        Response status = given().urlEncodingEnabled(false).get(via(url, RestAssured.port));
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.jsonPath().getList("nextExpectedRanges")).containsExactly(Integer.toString(12 * MIB));
        Response last = UploadSessions.put(via(url, RestAssured.port), content, 12 * MIB, content.length);
        assertThat(last.statusCode()).as(last.asString()).isEqualTo(201);
        String id = UploadSessions.attachmentId(last.header("Location"));
        byte[] stored = given().auth().oauth2(user.token()).get(user.attachments("v1.0") + "/" + id + "/$value")
                .then().statusCode(200).extract().asByteArray();
        assertThat(StackClients.sha256(stored)).isEqualTo(StackClients.sha256(content));
        String uploadId = UploadSessions.published(user.tenant(), "failover.bin").uploadId();
        assertThat(UploadSessions.leftovers(user.tenant(), List.of(uploadId), List.of(user.tenant() + "/" + id)))
                .containsExactly(user.tenant() + "/" + id);
    }
}
