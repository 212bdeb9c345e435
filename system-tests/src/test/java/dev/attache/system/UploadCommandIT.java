package dev.attache.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.attache.local.upload.UploadKeys;
import dev.attache.schemas.kafka.ContractJson;

/**
 * {@code ./attache upload} against the embedded stack, as a user runs it: several files at once, a POST or a session
 * by size; run again, it adds nothing; a session an earlier run left half done is resumed, not begun again.
 */
class UploadCommandIT {

    static final int MIB = 1024 * 1024;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static UpStack stack;
    static Properties ready;
    static String token;
    static Path files;

    @BeforeAll
    static void start() throws Exception {
        stack = new UpStack();
        ready = stack.start();
        token = stack.token();
        files = Files.createDirectories(stack.dataDir.resolve("files"));
    }

    @AfterAll
    static void stop() throws Exception {
        stack.close();
    }

    static Path file(String name, int size, long seed) throws Exception {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        return Files.write(files.resolve(name), content);
    }

    /** Runs {@code attache upload ARGS… --json}; its JSON lines, one per file, after checking it succeeded. */
    static List<JsonNode> upload(String... args) throws Exception {
        List<String> line = new ArrayList<>(Arrays.asList(args));
        line.add("--json");
        Process process = new ProcessBuilder(stack.command("upload", line.toArray(String[]::new)))
                .redirectError(ProcessBuilder.Redirect.appendTo(stack.dataDir.resolve("upload.err").toFile()))
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(out + Files.readString(stack.dataDir.resolve("upload.err"))).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String json : out.strip().split("\n")) {
            lines.add(ContractJson.MAPPER.readTree(json));
        }
        return lines;
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    static HttpResponse<byte[]> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(ready.getProperty("ingest.url") + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String attachments(String event) {
        return "/v1.0/me/events/" + URLEncoder.encode(event, StandardCharsets.UTF_8) + "/attachments";
    }

    @Test
    void uploadsSeveralFilesOnceHoweverOftenItIsRun() throws Exception {
        Path small = file("notes.txt", 20_000, 1);
        Path medium = file("slides.pdf", 2_900_000, 2);
        Path large = file("recording.bin", 21 * MIB + 3, 3);

        List<JsonNode> first = upload("--new-event", "Quarterly review " + System.nanoTime(), "--slice-mib", "4",
                small.toString(), medium.toString(), large.toString());
        String event = first.get(0).get("eventId").asText();
        List<JsonNode> again = upload("--event", event, small.toString(), medium.toString(), large.toString());

        assertThat(first).hasSize(3).allSatisfy(line -> assertThat(line.get("existing").asBoolean()).isFalse());
        assertThat(again).extracting(line -> line.get("attachmentId").asText())
                .containsExactlyElementsOf(first.stream().map(line -> line.get("attachmentId").asText()).toList());
        assertThat(again).allSatisfy(line -> assertThat(line.get("existing").asBoolean()).isTrue());
        for (int i = 0; i < 3; i++) {
            Path file = List.of(small, medium, large).get(i);
            HttpResponse<byte[]> value = get(attachments(event) + "/" + first.get(i).get("attachmentId").asText()
                    + "/$value");
            assertThat(value.statusCode()).isEqualTo(200);
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.body())))
                    .as(file.toString()).isEqualTo(sha256(file));
        }
        JsonNode listed = ContractJson.MAPPER.readTree(get(attachments(event) + "?$select=name").body());
        assertThat(listed.get("value")).hasSize(3);
    }

    @Test
    void resumesASessionAnEarlierRunLeftHalfDone() throws Exception {
        Path large = file("half-done.bin", 13 * MIB, 4);
        String event = upload("--new-event", "Resume " + System.nanoTime(), file("first.txt", 10, 5).toString())
                .get(0).get("eventId").asText();
        // the earlier run: it opened the session with the file's key and got 4 MiB through before it died
        String key = UploadKeys.file(event, "half-done.bin", sha256(large));
        HttpResponse<String> opened = HTTP.send(HttpRequest.newBuilder(URI.create(ready.getProperty("ingest.url")
                        + attachments(event) + "/createUploadSession"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"AttachmentItem\":{\"attachmentType\":\"file\","
                        + "\"name\":\"half-done.bin\",\"size\":" + Files.size(large) + "}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String url = ContractJson.MAPPER.readTree(opened.body()).get("uploadUrl").asText();
        HttpResponse<String> slice = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Range", "bytes 0-" + (4 * MIB - 1) + "/" + Files.size(large))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(Arrays.copyOf(Files.readAllBytes(large), 4 * MIB)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(slice.statusCode()).as(slice.body()).isEqualTo(200);

        JsonNode resumed = upload("--event", event, large.toString()).get(0);

        assertThat(resumed.get("resumedFrom").asLong()).isEqualTo(4 * MIB);
        HttpResponse<byte[]> value = get(attachments(event) + "/" + resumed.get("attachmentId").asText() + "/$value");
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.body())))
                .isEqualTo(sha256(large));
    }
}
