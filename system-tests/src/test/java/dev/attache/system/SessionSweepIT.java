package dev.attache.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.attache.local.s3.S3Credentials;
import dev.attache.schemas.kafka.ContractJson;
import io.minio.MinioAsyncClient;

/**
 * The orphan sweep and upload sessions on the whole stack (sweep grace 1 s): an open session's parts and remainder
 * are never swept, however old; a multipart upload nobody's session owns (a front that died between beginning it and
 * appending its command) is.
 */
class SessionSweepIT {

    static final int MIB = 1024 * 1024;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static FaultStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = FaultStack.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> put(String url, byte[] content, int from, int to) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Range", "bytes " + from + "-" + (to - 1) + "/" + content.length)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(Arrays.copyOfRange(content, from, to))));
    }

    /** Every key of the bucket that belongs to the tenant or to one of its uploads. */
    static List<String> keysOf(String tenant, List<String> uploads) throws Exception {
        return stack.objectKeys("").stream()
                .filter(key -> key.contains(tenant) || uploads.stream().anyMatch(key::contains)).toList();
    }

    @Test
    void anOpenSessionsBytesOutliveTheSweepAndAnUploadNobodyOwnsDoesNot() throws Exception {
        String tenant = UUID.randomUUID().toString();
        String token = stack.tokenForNewUser(tenant, UUID.randomUUID().toString());
        Pipeline pipeline = new Pipeline(stack.graphBase(), token);
        String event = pipeline.createEvent().json().path("id").asText();
        String attachments = stack.graphBase() + "/me/events/" + URLEncoder.encode(event, StandardCharsets.UTF_8)
                + "/attachments";
        byte[] content = new byte[9 * MIB];
        new Random(1).nextBytes(content);
        HttpResponse<String> opened = send(HttpRequest.newBuilder(URI.create(attachments + "/createUploadSession"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"AttachmentItem\":{\"attachmentType\":\"file\","
                        + "\"name\":\"kept.bin\",\"size\":" + content.length + "}}")));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String url = ContractJson.MAPPER.readTree(opened.body()).get("uploadUrl").asText();
        assertThat(put(url, content, 0, 6 * MIB).statusCode()).isEqualTo(200);      // a part
        assertThat(put(url, content, 6 * MIB, 7 * MIB).statusCode()).isEqualTo(200); // a remainder
        // a front that began a multipart upload and died before its command: no session will ever own it
        MinioAsyncClient s3 = MinioAsyncClient.builder().endpoint(stack.endpoints().s3Endpoint().toString())
                .credentials(S3Credentials.DEV.accessKey(), S3Credentials.DEV.secretKey()).region("us-east-1")
                .build();
        String orphanKey = tenant + "/" + UUID.randomUUID();
        String orphan = s3.createMultipartUploadAsync("attache", null, orphanKey, null, null).get().result()
                .uploadId();
        s3.uploadPartAsync("attache", null, orphanKey, new byte[1024], 1024, orphan, 1, null, null).get();
        assertThat(keysOf(tenant, List.of(orphan))).anyMatch(key -> key.contains(orphan));

        // the sweep removes the orphan once nothing could still claim it (its grace and the append slack)
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(5)).until(() ->
                Pipeline.sweep(stack.processorUrl(), stack.endpoints().serviceKeys()).status() == 200
                        && keysOf(tenant, List.of(orphan)).stream().noneMatch(key -> key.contains(orphan)));

        HttpResponse<String> last = put(url, content, 7 * MIB, content.length);
        assertThat(last.statusCode()).as("the open session survived the sweeps: " + last.body()).isEqualTo(201);
        String location = last.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf("attachments('") + 13, location.length() - 2);
        HttpResponse<byte[]> value = HTTP.send(HttpRequest.newBuilder(URI.create(attachments + "/" + id + "/$value"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.body())))
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
    }
}
