package dev.attache.ingest.sessions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.microsoft.graph.core.models.IUploadSession;
import com.microsoft.graph.core.models.UploadResult;
import com.microsoft.graph.core.tasks.LargeFileUploadTask;
import com.microsoft.graph.models.AttachmentItem;
import com.microsoft.graph.models.AttachmentType;
import com.microsoft.graph.models.UploadSession;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.events.item.attachments.createuploadsession.CreateUploadSessionPostRequestBody;

import dev.attache.ingest.support.AdjustableClock;
import dev.attache.ingest.support.GraphSdk;
import dev.attache.ingest.support.PipelineStack;
import dev.attache.ingest.support.RawHttp;
import dev.attache.ingest.support.StackClients;
import dev.attache.ingest.support.UserWithEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * Upload sessions on the real stack: the official SDK's {@code LargeFileUploadTask}, the protocol's errors over HTTP,
 * and what S3 holds afterwards.
 */
@QuarkusTest
@QuarkusTestResource(PipelineStack.class)
class UploadSessionTest {

    static final int MIB = 1024 * 1024;

    @Inject
    AdjustableClock clock;

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    static AttachmentItem item(String name, long size) {
        AttachmentItem item = new AttachmentItem();
        item.setAttachmentType(AttachmentType.File);
        item.setName(name);
        item.setSize(size);
        return item;
    }

    /** The SDK's own slice size (5 MiB: every slice a part), and Graph's recommended 4 MiB (remainders). */
    @ParameterizedTest(name = "{0} MiB in {1} MiB slices")
    @CsvSource({"9, 5", "40, 4"})
    void theSdksLargeFileUploadTaskUploadsOnV1(int mib, int sliceMib) throws Exception {
        UserWithEvent user = UserWithEvent.create();
        byte[] content = UploadSessions.bytes(mib * MIB + 123, mib);
        String name = "v1-" + mib + ".bin";
        CreateUploadSessionPostRequestBody request = new CreateUploadSessionPostRequestBody();
        request.setAttachmentItem(item(name, content.length));
        UploadSession session = GraphSdk.v1(user.token()).me().events().byEventId(user.event()).attachments()
                .createUploadSession().post(request);
        assertThat(session.getNextExpectedRanges()).containsExactly("0-");

        LargeFileUploadTask<AttachmentItem> task = new LargeFileUploadTask<>(null, session,
                new ByteArrayInputStream(content), content.length, (long) sliceMib * MIB,
                AttachmentItem::createFromDiscriminatorValue);
        UploadResult<AttachmentItem> result = task.upload();

        assertThat(result.isUploadSuccessful()).isTrue();
        assertThat(result.location).isNotNull();
        String id = UploadSessions.attachmentId(result.location.toString());
        byte[] stored = given().auth().oauth2(user.token())
                .get(user.attachments("v1.0") + "/" + id + "/$value").then().statusCode(200)
                .extract().asByteArray();
        assertThat(StackClients.sha256(stored)).isEqualTo(StackClients.sha256(content));
        given().auth().oauth2(user.token()).get(user.attachments("v1.0") + "/" + id + "?$select=name,size")
                .then().statusCode(200);
        assertThat(UploadSessions.leftovers(user.tenant(), List.of(
                UploadSessions.published(user.tenant(), name).uploadId()), List.of(user.tenant() + "/" + id)))
                .containsExactly(user.tenant() + "/" + id);
    }

    @ParameterizedTest(name = "{0} MiB in {1} MiB slices")
    @CsvSource({"9, 4", "40, 5"})
    void theBetaSdksLargeFileUploadTaskUploads(int mib, int sliceMib) throws Exception {
        UserWithEvent user = UserWithEvent.create();
        byte[] content = UploadSessions.bytes(mib * MIB + 7, mib + 100);
        var request = new com.microsoft.graph.beta.users.item.events.item.attachments.createuploadsession
                .CreateUploadSessionPostRequestBody();
        var item = new com.microsoft.graph.beta.models.AttachmentItem();
        item.setAttachmentType(com.microsoft.graph.beta.models.AttachmentType.File);
        item.setName("beta-" + mib + ".bin");
        item.setSize((long) content.length);
        item.setContentType("application/x-test");
        request.setAttachmentItem(item);
        var session = GraphSdk.beta(user.token()).me().events().byEventId(user.event()).attachments()
                .createUploadSession().post(request);

        var task = new LargeFileUploadTask<>(null, session, new ByteArrayInputStream(content), content.length,
                (long) sliceMib * MIB, com.microsoft.graph.beta.models.AttachmentItem::createFromDiscriminatorValue);
        var result = task.upload();

        assertThat(result.isUploadSuccessful()).isTrue();
        String id = UploadSessions.attachmentId(result.location.toString());
        Response value = given().auth().oauth2(user.token()).get(user.attachments("beta") + "/" + id + "/$value");
        assertThat(value.statusCode()).isEqualTo(200);
        assertThat(value.contentType()).startsWith("application/x-test");
        assertThat(StackClients.sha256(value.asByteArray())).isEqualTo(StackClients.sha256(content));
        assertThat(StackClients.stat(user.tenant() + "/" + id).size()).isEqualTo(content.length);
    }

    @Test
    void anInterruptedUploadIsResumedThroughTheSdkFromWhatTheSessionExpects() throws Exception {
        UserWithEvent user = UserWithEvent.create();
        byte[] content = UploadSessions.bytes(12 * MIB, 3);
        GraphServiceClient graph = GraphSdk.v1(user.token());
        CreateUploadSessionPostRequestBody request = new CreateUploadSessionPostRequestBody();
        request.setAttachmentItem(item("resumed.bin", content.length));
        UploadSession session = graph.me().events().byEventId(user.event()).attachments().createUploadSession()
                .post(request);
        // the first run got two 4 MiB slices through, then the client died
        UploadSessions.put(session.getUploadUrl(), content, 0, 4 * MIB).then().statusCode(200);
        UploadSessions.put(session.getUploadUrl(), content, 4 * MIB, 8 * MIB).then().statusCode(200);

        // What #2503 asks of the caller: read the session's status, then give the task the stream from there. With
        // the client's adapter, as many callers do: its Authorization header on the upload URL is ignored.
        IUploadSession status = new LargeFileUploadTask<>(graph.getRequestAdapter(), session,
                new ByteArrayInputStream(content), content.length, 4L * MIB,
                AttachmentItem::createFromDiscriminatorValue).updateSessionStatus();
        assertThat(status.getNextExpectedRanges()).containsExactly(Integer.toString(8 * MIB));
        long next = Long.parseLong(status.getNextExpectedRanges().get(0));
        ByteArrayInputStream rest = new ByteArrayInputStream(content);
        rest.skipNBytes(next);
        UploadResult<AttachmentItem> result = new LargeFileUploadTask<>(graph.getRequestAdapter(), status, rest,
                content.length, 4L * MIB, AttachmentItem::createFromDiscriminatorValue).upload();

        assertThat(result.isUploadSuccessful()).isTrue();
        String id = UploadSessions.attachmentId(result.location.toString());
        byte[] stored = StackClients.read(user.tenant() + "/" + id);
        assertThat(StackClients.sha256(stored)).isEqualTo(StackClients.sha256(content));
    }

    @Test
    void aSliceAlreadyReceivedIsRefusedAsInvalidRangeAndChangesNothing() {
        UserWithEvent user = UserWithEvent.create();
        byte[] content = UploadSessions.bytes(6 * MIB, 4);
        String url = UploadSessions.uploadUrl(user, "twice.bin", content.length);
        UploadSessions.put(url, content, 0, 4 * MIB).then().statusCode(200);

        // msgraph-sdk-java#2503: a resumed task that sends a slice the session already has
        Response again = UploadSessions.put(url, content, 0, 4 * MIB);

        assertThat(again.statusCode()).isEqualTo(416);
        assertThat(again.jsonPath().getString("error.code")).isEqualTo("invalidRange");
        assertThat(again.jsonPath().getString("error.message")).contains("overlaps").contains("4194304");
        given().get(url).then().statusCode(200);
        assertThat(given().get(url).jsonPath().getList("nextExpectedRanges")).containsExactly("4194304");
        assertThat(UploadSessions.put(url, content, 4 * MIB, 6 * MIB).statusCode()).as("the rest, from where it "
                + "expects").isEqualTo(201);
    }

    @Test
    void slicesOutOfOrderOverlappingOfAnotherTotalPastTheEndOrWithoutARangeAreRefused() {
        UserWithEvent user = UserWithEvent.create();
        byte[] content = UploadSessions.bytes(5 * MIB, 5);
        String url = UploadSessions.uploadUrl(user, "errors.bin", content.length);

        Response outOfOrder = UploadSessions.put(url, content, MIB, 2 * MIB);
        Response noRange = given().urlEncodingEnabled(false).body(new byte[10]).put(url);
        Response otherTotal = given().urlEncodingEnabled(false).header("Content-Range", "bytes 0-9/999999999")
                .body(new byte[10]).put(url);
        Response pastTheEnd = given().urlEncodingEnabled(false)
                .header("Content-Range", "bytes 0-" + (content.length) + "/" + content.length)
                .body(new byte[content.length + 1]).put(url);
        Response shortBody = given().urlEncodingEnabled(false).header("Content-Range", "bytes 0-" + (MIB - 1) + "/"
                + content.length).body(new byte[10]).put(url);
        Response tooSmall = UploadSessions.put(url, content, 0, 100 * 1024);

        assertThat(outOfOrder.statusCode()).isEqualTo(416);
        assertThat(outOfOrder.jsonPath().getString("error.code")).isEqualTo("invalidRange");
        assertThat(outOfOrder.jsonPath().getString("error.message")).contains("out of order");
        assertThat(noRange.statusCode()).isEqualTo(400);
        assertThat(noRange.jsonPath().getString("error.message")).contains("Content-Range");
        assertThat(otherTotal.statusCode()).isEqualTo(416);
        assertThat(otherTotal.jsonPath().getString("error.message")).contains("declared size");
        assertThat(pastTheEnd.statusCode()).isEqualTo(416);
        assertThat(shortBody.statusCode()).isEqualTo(400);
        assertThat(shortBody.jsonPath().getString("error.message")).contains("Content-Length");
        assertThat(tooSmall.statusCode()).isEqualTo(400);
        assertThat(tooSmall.jsonPath().getString("error.message")).contains("at least 327680 bytes");
        // none of them changed anything: the whole file still goes up from 0
        assertThat(given().get(url).jsonPath().getList("nextExpectedRanges")).containsExactly("0-");
        assertThat(UploadSessions.putAll(url, content, 3 * MIB).statusCode()).isEqualTo(201);
    }

    @Test
    void anUploadUrlIsItsOwnAuthorisationAndCannotBeAlteredOrReusedForAnotherSession() {
        UserWithEvent user = UserWithEvent.create();
        String url = UploadSessions.uploadUrl(user, "token.bin", 4 * MIB);
        String other = UploadSessions.uploadUrl(user, "other.bin", 4 * MIB);
        String token = url.substring(url.indexOf("authtoken=") + "authtoken=".length());
        String otherSession = other.substring(0, other.indexOf('?'));

        Response altered = given().get(url.substring(0, url.length() - 2) + "AA");
        Response swapped = given().get(otherSession + "?authtoken=" + token);
        Response withoutToken = given().get(url.substring(0, url.indexOf('?')));
        // a bearer token on the upload URL is ignored, whoever's it is
        Response withBearer = given().auth().oauth2("not-a-token").get(url);

        assertThat(altered.statusCode()).isEqualTo(401);
        assertThat(altered.jsonPath().getString("error.code")).isEqualTo("InvalidAuthenticationToken");
        assertThat(swapped.statusCode()).isEqualTo(401);
        assertThat(withoutToken.statusCode()).isEqualTo(401);
        assertThat(withBearer.statusCode()).isEqualTo(200);
        assertThat(withBearer.jsonPath().getList("nextExpectedRanges")).containsExactly("0-");
    }

    /** The upload URLs' exemption from bearer tokens is theirs alone: a path that only starts like one is not. */
    @ParameterizedTest
    @ValueSource(strings = {"/upload/sessions/x/../../../v1.0/me/events", "/upload/sessions/%2e%2e/../v1.0/me/events",
            "/upload/sessions/x/%2E%2E/%2E%2E/%2E%2E/v1.0/me/events"})
    void aPathThatOnlyLooksLikeAnUploadUrlStillNeedsABearerToken(String path) throws Exception {
        RawHttp.Reply reply = RawHttp.send(RestAssured.port, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");

        assertThat(reply.status()).as("refused before any route runs without a caller").isIn(400, 401);
    }

    @Test
    void sizesOutsideGraphsBoundsAndOtherTypesAreRefusedBeforeAnythingIsStored() throws Exception {
        UserWithEvent user = UserWithEvent.create();

        Response tooLarge = UploadSessions.create(user, "huge.bin", 150L * MIB + 1);
        Response tooSmall = UploadSessions.create(user, "small.bin", 2_999_999);
        Response item = given().auth().oauth2(user.token()).contentType("application/json")
                .body("{\"AttachmentItem\":{\"attachmentType\":\"item\",\"name\":\"i\",\"size\":4000000}}")
                .post(user.attachments("v1.0") + "/createUploadSession");
        Response noItem = given().auth().oauth2(user.token()).contentType("application/json").body("{}")
                .post(user.attachments("v1.0") + "/createUploadSession");
        Response noToken = given().contentType("application/json")
                .body("{\"AttachmentItem\":{\"attachmentType\":\"file\",\"name\":\"a\",\"size\":4000000}}")
                .post(user.attachments("v1.0") + "/createUploadSession");

        assertThat(tooLarge.statusCode()).isEqualTo(400);
        assertThat(tooLarge.jsonPath().getString("error.code")).isEqualTo("ErrorMessageSizeExceeded");
        assertThat(tooSmall.statusCode()).isEqualTo(400);
        assertThat(tooSmall.jsonPath().getString("error.code"))
                .isEqualTo("ErrorAttachmentSizeShouldNotBeLessThanMinimumSize");
        assertThat(item.statusCode()).isEqualTo(400);
        assertThat(item.jsonPath().getString("error.message")).contains("file");
        assertThat(noItem.statusCode()).isEqualTo(400);
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(UploadSessions.create(user, "max.bin", 150L * MIB).statusCode()).isEqualTo(201);
        assertThat(StackClients.objectKeys(user.tenant() + "/")).isEmpty();
    }

    @Test
    void aCancelledSessionIsGoneAndLeavesNothingInS3() throws Exception {
        UserWithEvent user = UserWithEvent.create();
        byte[] content = UploadSessions.bytes(12 * MIB, 6);
        String url = UploadSessions.uploadUrl(user, "cancelled.bin", content.length);
        UploadSessions.put(url, content, 0, 6 * MIB).then().statusCode(200); // a part
        UploadSessions.put(url, content, 6 * MIB, 8 * MIB).then().statusCode(200); // a remainder
        String uploadId = UploadSessions.published(user.tenant(), "cancelled.bin").uploadId();

        given().delete(url).then().statusCode(204);

        given().get(url).then().statusCode(404);
        UploadSessions.put(url, content, 8 * MIB, 9 * MIB).then().statusCode(404);
        assertThat(UploadSessions.leftovers(user.tenant(), List.of(uploadId), List.of())).isEmpty();
    }

    @Test
    void anExpiredSessionIsGoneAndLeavesNothingInS3() throws Exception {
        UserWithEvent user = UserWithEvent.create();
        byte[] content = UploadSessions.bytes(8 * MIB, 7);
        String url = UploadSessions.uploadUrl(user, "expired.bin", content.length);
        UploadSessions.put(url, content, 0, 6 * MIB).then().statusCode(200);
        UploadSessions.put(url, content, 6 * MIB, 7 * MIB).then().statusCode(200);
        String uploadId = UploadSessions.published(user.tenant(), "expired.bin").uploadId();

        clock.advance(Duration.ofHours(24).plusMinutes(1));

        Response late = UploadSessions.put(url, content, 7 * MIB, 8 * MIB);
        assertThat(late.statusCode()).isEqualTo(404);
        assertThat(late.jsonPath().getString("error.message")).contains("expired");
        given().get(url).then().statusCode(404);
        assertThat(UploadSessions.leftovers(user.tenant(), List.of(uploadId), List.of())).isEmpty();
    }

    @Test
    void slicesOfAnyLengthArePartsCutOnDigestBlocksSoNoSessionStateHoldsContent() throws Exception {
        UserWithEvent user = UserWithEvent.create();
        byte[] content = UploadSessions.bytes(17 * MIB + 5, 17);
        String url = UploadSessions.uploadUrl(user, "odd.png", content.length);
        int slice = 3 * MIB + 13;

        String id = UploadSessions.attachmentId(UploadSessions.putAll(url, content, slice).header("Location"));

        assertThat(StackClients.sha256(StackClients.read(user.tenant() + "/" + id)))
                .isEqualTo(StackClients.sha256(content));
        // the sessions as published after each slice: every saved digest is a bare state, every tail under a block
        List<dev.attache.schemas.session.UploadSession> published = StackClients.records(
                dev.attache.schemas.kafka.Topics.UPLOAD_SESSIONS, json -> json.contains(
                user.tenant()) && json.contains("\"odd.png\"")).stream().map(UploadSessions::session).toList();
        assertThat(published).isNotEmpty().allSatisfy(session -> {
            if (session.digest() != null) {
                assertThat(java.util.Base64.getDecoder().decode(session.digest())).hasSize(53);
            }
            assertThat(session.detectedType()).isIn(null, "image/png");
        });
        assertThat(published).anySatisfy(session -> assertThat(session.remainderLength()).isBetween(1L, 63L));
        assertThat(given().auth().oauth2(user.token()).get(user.attachments("v1.0") + "/" + id)
                .jsonPath().getString("contentType")).isEqualTo("image/png");
    }

    @Test
    void twoSessionsOnOneEventRunInParallel() throws Exception {
        UserWithEvent user = UserWithEvent.create();
        byte[] first = UploadSessions.bytes(7 * MIB, 8);
        byte[] second = UploadSessions.bytes(9 * MIB, 9);
        String firstUrl = UploadSessions.uploadUrl(user, "first.bin", first.length);
        String secondUrl = UploadSessions.uploadUrl(user, "second.bin", second.length);

        CompletableFuture<Response> a = CompletableFuture.supplyAsync(
                () -> UploadSessions.putAll(firstUrl, first, 2 * MIB));
        CompletableFuture<Response> b = CompletableFuture.supplyAsync(
                () -> UploadSessions.putAll(secondUrl, second, 3 * MIB));
        String firstId = UploadSessions.attachmentId(a.get().header("Location"));
        String secondId = UploadSessions.attachmentId(b.get().header("Location"));

        assertThat(firstId).isNotEqualTo(secondId);
        assertThat(StackClients.sha256(StackClients.read(user.tenant() + "/" + firstId)))
                .isEqualTo(StackClients.sha256(first));
        assertThat(StackClients.sha256(StackClients.read(user.tenant() + "/" + secondId)))
                .isEqualTo(StackClients.sha256(second));
        List<String> names = given().auth().oauth2(user.token()).get(user.attachments("v1.0") + "?$select=name")
                .jsonPath().getList("value.name");
        assertThat(names).containsExactlyInAnyOrder("first.bin", "second.bin");
    }

    @Test
    void theSameIdempotencyKeyGetsTheSameSessionAndAnotherUsersEventNone() throws Exception {
        UserWithEvent user = UserWithEvent.create();
        String body = "{\"AttachmentItem\":{\"attachmentType\":\"file\",\"name\":\"keyed.bin\",\"size\":4000000}}";
        Response first = given().auth().oauth2(user.token()).contentType("application/json")
                .header("Idempotency-Key", "big-file-1").body(body)
                .post(user.attachments("v1.0") + "/createUploadSession");
        Response again = given().auth().oauth2(user.token()).contentType("application/json")
                .header("Idempotency-Key", "big-file-1").body(body)
                .post(user.attachments("v1.0") + "/createUploadSession");
        UserWithEvent stranger = UserWithEvent.create();
        String strangersEvent = "/v1.0/users/" + java.util.UUID.randomUUID() + "/events/"
                + dev.attache.ingest.support.Events.encoded(user.event()) + "/attachments/createUploadSession";
        Response elsewhere = given().auth().oauth2(stranger.token()).contentType("application/json").body(body)
                .post(strangersEvent);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.jsonPath().getString("uploadUrl")).isEqualTo(first.jsonPath().getString("uploadUrl"));
        assertThat(elsewhere.statusCode()).isIn(403, 404);
        // the refused session's multipart upload is aborted, the repeated one's too: only the first is left
        String kept = UploadSessions.published(user.tenant(), "keyed.bin").uploadId();
        assertThat(UploadSessions.leftovers(stranger.tenant(), List.of(), List.of())).isEmpty();
        List<String> left = StackClients.settledObjectKeys("", keys -> keys.stream()
                .filter(key -> key.contains(user.tenant())).allMatch(key -> key.contains(kept)));
        assertThat(left.stream().filter(key -> key.contains(user.tenant()))).allMatch(key -> key.contains(kept));
    }
}
