package dev.attache.ingest.sessions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.attache.ingest.support.StackClients;
import dev.attache.ingest.support.UserWithEvent;
import dev.attache.schemas.kafka.ContractJson;
import dev.attache.schemas.kafka.Topics;
import dev.attache.schemas.session.UploadSession;
import io.restassured.response.Response;

/** Upload sessions over plain HTTP, as a client without an SDK drives them, and what they leave in S3. */
final class UploadSessions {

    private UploadSessions() {
    }

    static byte[] bytes(int length, long seed) {
        byte[] content = new byte[length];
        new Random(seed).nextBytes(content);
        return content;
    }

    /** {@code POST …/createUploadSession} for a file of {@code size} bytes; the answer. */
    static Response create(UserWithEvent user, String name, long size) {
        return given().auth().oauth2(user.token()).contentType("application/json")
                .body("{\"AttachmentItem\":{\"attachmentType\":\"file\",\"name\":\"" + name + "\",\"size\":" + size
                        + "}}")
                .post(user.attachments("v1.0") + "/createUploadSession");
    }

    static String uploadUrl(UserWithEvent user, String name, long size) {
        Response created = create(user, name, size);
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        return created.jsonPath().getString("uploadUrl");
    }

    /** {@code PUT {uploadUrl}} of {@code content[from, to)}, no Authorization header. */
    static Response put(String uploadUrl, byte[] content, int from, int to) {
        byte[] slice = java.util.Arrays.copyOfRange(content, from, to);
        return given().urlEncodingEnabled(false).contentType("application/octet-stream")
                .header("Content-Range", "bytes " + from + "-" + (to - 1) + "/" + content.length)
                .body(slice).put(uploadUrl);
    }

    /** Every slice of {@code sliceBytes}; the answer to the last. */
    static Response putAll(String uploadUrl, byte[] content, int sliceBytes) {
        Response last = null;
        for (int from = 0; from < content.length; from += sliceBytes) {
            last = put(uploadUrl, content, from, Math.min(content.length, from + sliceBytes));
            int expected = from + sliceBytes >= content.length ? 201 : 200;
            assertThat(last.statusCode()).as("slice at %d: %s", from, last.asString()).isEqualTo(expected);
        }
        return last;
    }

    /** The attachment id of a final answer's {@code Location}, {@code …/attachments('{id}')}. */
    static String attachmentId(String location) {
        int start = location.lastIndexOf("attachments('") + "attachments('".length();
        return java.net.URLDecoder.decode(location.substring(start, location.length() - 2),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The session as the processor published it last, with the given name. */
    static UploadSession published(String tenant, String name) {
        return StackClients.findRecord(Topics.UPLOAD_SESSIONS, json -> json.contains(tenant)
                        && json.contains("\"" + name + "\""), Duration.ofSeconds(10))
                .map(UploadSessions::session)
                .orElseThrow(() -> new AssertionError("no session " + name + " on " + Topics.UPLOAD_SESSIONS));
    }

    /** The session a record of {@code upload-sessions} holds. */
    static UploadSession session(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record) {
        try {
            return ContractJson.MAPPER.readValue(record.value(), UploadSession.class);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * What S3 holds of a tenant's sessions, once deletions settle: its objects, and whatever the store keeps for an
     * open multipart upload (S3Proxy on a file system keeps parts as objects named after the upload id).
     */
    static List<String> leftovers(String tenant, List<String> uploadIds, List<String> expected) throws Exception {
        return StackClients.settledObjectKeys("", keys -> relevant(keys, tenant, uploadIds).equals(expected))
                .stream().filter(key -> relevant(List.of(key), tenant, uploadIds).size() == 1).toList();
    }

    private static List<String> relevant(List<String> keys, String tenant, List<String> uploadIds) {
        List<String> relevant = new ArrayList<>();
        for (String key : keys) {
            if (key.contains(tenant) || uploadIds.stream().anyMatch(key::contains)) {
                relevant.add(key);
            }
        }
        return relevant;
    }
}
