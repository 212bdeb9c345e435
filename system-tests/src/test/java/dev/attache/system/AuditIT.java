package dev.attache.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.attache.audit.cli.AuditCommand;
import dev.attache.audit.log.TopicReader;
import dev.attache.local.jwt.DevIdentity;
import dev.attache.local.jwt.TokenRequest;
import dev.attache.local.kafka.KafkaClientConfig;
import dev.attache.schemas.audit.AuditCheckpoint;
import dev.attache.schemas.audit.CheckpointSignatures;
import dev.attache.schemas.event.CalendarEvent;
import dev.attache.schemas.event.CalendarShare;
import dev.attache.schemas.event.EventOwner;
import dev.attache.schemas.event.GroupMembership;
import dev.attache.schemas.kafka.AttachmentKeys;
import dev.attache.schemas.kafka.ContractJson;
import dev.attache.schemas.kafka.Topics;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;

/**
 * {@code attache audit} against a real stack: a scripted history across two tenants (adds, a refusal, a delete, a
 * share granted then revoked, a membership removed, events deleted through Graph and by their system of record),
 * then a replay that must match it exactly, the trail queries, an inclusion proof, erasure, and each kind of tamper.
 * One stack for the class: the tampers run last, each undone before the next where the log allows it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final String TENANT_A = DevIdentity.TENANT_ID;
    static final String TENANT_B = "0b6a5f5e-6f6b-4c1a-9e1d-3a8a9a2a0c11";
    static final String ALICE = UUID.randomUUID().toString();
    static final String BOB = UUID.randomUUID().toString();
    static final String CAROL = UUID.randomUUID().toString();
    static final String GROUP = UUID.randomUUID().toString();
    static final String SECRET = "erasable secret " + UUID.randomUUID();

    static UpStack stack;
    static Properties ready;
    static Map<String, Object> kafka;
    static MinioClient s3;
    static String graph;
    static String alice;
    static String bob;
    static String carol;

    static String aliceEvent;
    static String first;
    static String deleted;
    static String viaShare;
    static String viaGroup;
    static Instant bothPresent;
    static Instant afterDelete;

    @BeforeAll
    static void history() throws Exception {
        stack = new UpStack();
        ready = stack.start(Map.of("ATTACHE_AUDIT_CHECKPOINT_INTERVAL", "2S"));
        kafka = new HashMap<>(KafkaClientConfig.scram(ready.getProperty("kafka.bootstrap.servers"),
                ready.getProperty("kafka.admin.username"), ready.getProperty("kafka.admin.password")));
        s3 = MinioClient.builder().endpoint(ready.getProperty("s3.endpoint")).credentials(
                ready.getProperty("s3.access-key"), ready.getProperty("s3.secret-key"))
                .region(ready.getProperty("s3.region")).build();
        graph = ready.getProperty("ingest.url") + "/v1.0";
        alice = stack.token(user(TENANT_A, ALICE, "alice@a.example", List.of("Calendars.ReadWrite",
                "Calendars.ReadWrite.Shared", "Group.ReadWrite.All")));
        bob = stack.token(user(TENANT_A, BOB, "bob@a.example", List.of("Calendars.ReadWrite")));
        carol = stack.token(user(TENANT_B, CAROL, "carol@b.example", List.of("Calendars.ReadWrite")));

        // Alice: two files, a refused one, one deleted
        aliceEvent = id(call("POST", "/me/events", alice, "{\"subject\":\"Alice\"}", 201));
        first = id(call("POST", attachments("/me/events/" + enc(aliceEvent)), alice, file("first.txt", "one"),
                201));
        deleted = id(call("POST", attachments("/me/events/" + enc(aliceEvent)), alice, file("second.txt", SECRET),
                201));
        bothPresent = Instant.now();
        call("POST", attachments("/me/events/" + enc(aliceEvent)), alice, "{\"@odata.type\":\"#microsoft.graph."
                + "fileAttachment\",\"name\":\"x\",\"contentType\":\"application/pdf\",\"contentBytes\":\""
                + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0,
                    0, 0x10, 'J', 'F', 'I', 'F', 0})
                + "\"}", 400);
        call("DELETE", attachments("/me/events/" + enc(aliceEvent)) + "/" + enc(deleted), alice, null, 204);
        afterDelete = Instant.now();

        // Bob shares his calendar with Alice, who adds to his event; then he revokes it, and she is refused
        String bobsEvent = id(call("POST", "/me/events", bob, "{\"subject\":\"Bob\"}", 201));
        CalendarShare share = new CalendarShare(CalendarShare.SCHEMA_VERSION, TENANT_A, BOB, null, ALICE,
                CalendarShare.WRITE);
        String shareKey = AttachmentKeys.shareKey(TENANT_A, BOB, null, ALICE);
        publish(Topics.CALENDAR_SHARES, shareKey, ContractJson.MAPPER.writeValueAsBytes(share));
        String bobsPath = "/users/" + BOB + "/events/" + enc(bobsEvent);
        await().atMost(Duration.ofSeconds(20)).until(() -> status("GET", bobsPath, alice) == 200);
        viaShare = id(call("POST", attachments(bobsPath), alice, file("shared.txt", "via share"), 201));
        publish(Topics.CALENDAR_SHARES, shareKey, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> status("GET", bobsPath, alice) != 200);
        call("POST", attachments(bobsPath), alice, file("late.txt", "refused"), 403);

        // A group's event (from its system of record): Alice adds while a member, is refused once removed
        String groupEvent = "AAMkGroupEvent" + UUID.randomUUID().toString().replace("-", "");
        String now = Instant.now().toString().substring(0, 19) + "Z";
        publish(Topics.CALENDAR_EVENTS, AttachmentKeys.eventKey(TENANT_A, groupEvent), ContractJson.MAPPER
                .writeValueAsBytes(new CalendarEvent(CalendarEvent.SCHEMA_VERSION, TENANT_A, groupEvent,
                        new EventOwner(EventOwner.GROUP, GROUP, null), null, null, "Group", null, null, null, null,
                        null, now, now)));
        String membershipKey = AttachmentKeys.membershipKey(TENANT_A, GROUP, ALICE);
        publish(Topics.GROUP_MEMBERSHIPS, membershipKey, ContractJson.MAPPER.writeValueAsBytes(
                new GroupMembership(GroupMembership.SCHEMA_VERSION, TENANT_A, GROUP, ALICE)));
        String groupPath = "/groups/" + GROUP + "/events/" + enc(groupEvent);
        await().atMost(Duration.ofSeconds(20)).until(() -> status("GET", groupPath, alice) == 200);
        viaGroup = id(call("POST", attachments(groupPath), alice, file("group.txt", "as a member"), 201));
        publish(Topics.GROUP_MEMBERSHIPS, membershipKey, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> status("GET", groupPath, alice) != 200);
        call("POST", attachments(groupPath), alice, file("former.txt", "refused"), 403);

        // Carol, another tenant
        String carolsEvent = id(call("POST", "/me/events", carol, "{\"subject\":\"Carol\"}", 201));
        call("POST", attachments("/me/events/" + enc(carolsEvent)), carol, file("carol.txt", "tenant b"), 201);

        // events deleted: Bob's through Graph (Alice's shared file goes with it), the group's by its system
        call("DELETE", "/me/events/" + enc(bobsEvent), bob, null, 204);
        publish(Topics.CALENDAR_EVENTS, AttachmentKeys.eventKey(TENANT_A, groupEvent), null);
        await().atMost(Duration.ofSeconds(20)).until(() -> audit("history", "--tenant", TENANT_A, "--attachment",
                viaGroup).out().contains("event-removed"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void aReplayOfTheLogMakesExactlyTheLiveRecordsTrailAndObjects() {
        Run verify = audit("verify");

        assertThat(verify.code()).as(verify.toString()).isZero();
        assertThat(verify.out()).contains("verified:");
    }

    @Test
    @Order(2)
    void historySaysWhoDidWhatWhenAndWhereWithinOneTenant() throws Exception {
        List<JsonNode> alicesEvent = lines(audit("history", "--tenant", TENANT_A, "--event", aliceEvent, "--json"));
        List<JsonNode> fromTenantB = lines(audit("history", "--tenant", TENANT_B, "--event", aliceEvent, "--json"));
        List<JsonNode> shared = lines(audit("history", "--tenant", TENANT_A, "--attachment", viaShare, "--json"));
        List<JsonNode> byAlice = lines(audit("history", "--tenant", TENANT_A, "--user", ALICE, "--json"));
        Run table = audit("history", "--tenant", TENANT_A, "--event", aliceEvent);

        assertThat(alicesEvent).extracting(e -> e.path("action").asText() + " " + e.path("outcome").asText())
                .containsExactly("create-event created", "add created", "add created", "add rejected",
                        "delete-attachment deleted");
        JsonNode add = alicesEvent.get(1);
        assertThat(add.path("actor").path("objectId").asText()).isEqualTo(ALICE);
        assertThat(add.path("route").path("apiVersion").asText()).isEqualTo("v1.0");
        assertThat(add.path("trace").path("requestId").asText()).isNotBlank();
        assertThat(add.path("attachment").path("sha256").asText()).hasSize(64);
        assertThat(alicesEvent.get(3).path("error").path("code").asText()).isEqualTo("ErrorInvalidRequest");
        assertThat(fromTenantB).as("another tenant's query").isEmpty();
        assertThat(shared).extracting(e -> e.path("action").asText()).containsExactly("add", "delete-event");
        assertThat(byAlice).extracting(e -> e.path("outcome").asText()).contains("rejected")
                .allSatisfy(outcome -> assertThat(outcome).isIn("created", "rejected", "deleted"));
        assertThat(byAlice).noneMatch(e -> e.path("tenantId").asText().equals(TENANT_B));
        assertThat(table.out()).contains("first.txt", "delete-attachment", ALICE);
    }

    @Test
    @Order(3)
    void asOfGivesTheAttachmentsAnEventHadThen() throws Exception {
        List<JsonNode> then = lines(audit("as-of", bothPresent.toString(), "--tenant", TENANT_A, "--event",
                aliceEvent, "--json"));
        List<JsonNode> later = lines(audit("as-of", afterDelete.toString(), "--tenant", TENANT_A, "--event",
                aliceEvent, "--json"));
        List<JsonNode> elsewhere = lines(audit("as-of", afterDelete.toString(), "--tenant", TENANT_B, "--event",
                aliceEvent, "--json"));

        assertThat(then).extracting(e -> e.path("attachmentId").asText()).containsExactly(first, deleted);
        assertThat(later).extracting(e -> e.path("attachmentId").asText()).containsExactly(first);
        assertThat(elsewhere).isEmpty();
    }

    @Test
    @Order(4)
    void exportWritesJsonLinesOrCsvAndATenantsExportHoldsOnlyIt() throws Exception {
        Path dir = Files.createTempDirectory("audit-export");
        Path all = dir.resolve("all.jsonl");
        Path csv = dir.resolve("b.csv");

        assertThat(audit("export", "--out", all.toString()).code()).isZero();
        assertThat(audit("export", "--tenant", TENANT_B, "--format", "csv", "--out", csv.toString()).code()).isZero();

        List<String> lines = Files.readAllLines(all);
        assertThat(lines).hasSizeGreaterThanOrEqualTo(14).allSatisfy(line -> JSON.readTree(line));
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows.get(0)).startsWith("loggedAt,tenantId,actorKind");
        assertThat(rows).hasSize(3).noneMatch(row -> row.contains(TENANT_A));
    }

    @Test
    @Order(5)
    void anOutcomeIsProvenAgainstTheSignedCheckpoint() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> audit("prove", first, "--tenant", TENANT_A).code() == 0);
        Run prove = audit("prove", first, "--tenant", TENANT_A);

        assertThat(prove.out()).contains("\"pathValid\" : true", "\"signatureValid\" : true", "verified");
    }

    @Test
    @Order(6)
    void aDeletedAttachmentsContentIsInNoTopic() throws Exception {
        List<String> found = new ArrayList<>();
        byte[] raw = SECRET.getBytes(StandardCharsets.UTF_8);
        String base64 = Base64.getEncoder().encodeToString(raw);
        try (Admin admin = Admin.create(kafka)) {
            for (String topic : admin.listTopics().names().get()) {
                forEach(topic, record -> {
                    String value = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
                    if (value.contains(SECRET) || value.contains(base64)
                            || (record.key() != null && record.key().contains(SECRET))) {
                        found.add(topic + "@" + record.offset());
                    }
                });
            }
        }

        assertThat(found).isEmpty();
    }

    @Test
    @Order(7)
    void aRecordRewrittenInTheTopicIsNamed() throws Exception {
        String key = recordKey(first);
        byte[] original = latest(Topics.ATTACHMENTS, key);
        ObjectNode forged = (ObjectNode) JSON.readTree(original);
        forged.put("name", "forged.txt");
        publish(Topics.ATTACHMENTS, key, JSON.writeValueAsBytes(forged));

        Run verify = audit("verify");
        publish(Topics.ATTACHMENTS, key, original);

        assertThat(verify.code()).isEqualTo(AuditCommand.FOUND_DIFFERENCES);
        assertThat(verify.out()).contains("record changed — attachment " + first, "forged.txt");
    }

    @Test
    @Order(8)
    void aRecordDeletedFromTheTopicIsNamed() throws Exception {
        String key = recordKey(first);
        byte[] original = latest(Topics.ATTACHMENTS, key);
        publish(Topics.ATTACHMENTS, key, null);

        Run verify = audit("verify");
        publish(Topics.ATTACHMENTS, key, original);

        assertThat(verify.code()).isEqualTo(AuditCommand.FOUND_DIFFERENCES);
        assertThat(verify.out()).contains("record missing — attachment " + first);
    }

    @Test
    @Order(9)
    void anObjectOverwrittenOrDeletedInS3IsNamed() throws Exception {
        String object = TENANT_A + "/" + first;
        byte[] original;
        try (var in = s3.getObject(GetObjectArgs.builder().bucket(ready.getProperty("s3.bucket")).object(object)
                .build())) {
            original = in.readAllBytes();
        }
        put(object, "two".getBytes(StandardCharsets.UTF_8));
        Run overwritten = audit("verify");
        s3.removeObject(RemoveObjectArgs.builder().bucket(ready.getProperty("s3.bucket")).object(object).build());
        Run removed = audit("verify");
        put(object, original);

        assertThat(overwritten.code()).isEqualTo(AuditCommand.FOUND_DIFFERENCES);
        assertThat(overwritten.out()).contains("object hash — attachment " + first);
        assertThat(removed.code()).isEqualTo(AuditCommand.FOUND_DIFFERENCES);
        assertThat(removed.out()).contains("object missing — attachment " + first);
        assertThat(audit("verify").code()).as("all undone").isZero();
    }

    @Test
    @Order(10)
    void aForgedCheckpointIsNamed() throws Exception {
        KeyPair forger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        AuditCheckpoint forged = CheckpointSignatures.sign(AuditCheckpoint.unsigned(Topics.ATTACHMENT_AUDIT, 0, 1,
                "00".repeat(32), Instant.now().toString(), CheckpointSignatures.keyId(forger.getPublic())),
                forger.getPrivate());
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.AUDIT_CHECKPOINTS, 0, "0",
                    ContractJson.MAPPER.writeValueAsBytes(forged))).get();
        }

        Run verify = audit("verify");

        assertThat(verify.code()).isEqualTo(AuditCommand.FOUND_DIFFERENCES);
        assertThat(verify.out()).contains("checkpoint forged", "audit-checkpoints 0 size 1");
    }

    // --- helpers ---

    record Run(int code, String out, String err) {
    }

    static Run audit(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> line = new ArrayList<>(List.of(args));
        line.addAll(1, List.of("--data-dir", stack.dataDir.toString()));
        int code = AuditCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                line.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    static List<JsonNode> lines(Run run) throws Exception {
        assertThat(run.code()).as(run.toString()).isZero();
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : run.out().split("\n")) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    static TokenRequest user(String tenant, String oid, String upn, List<String> scopes) {
        return new TokenRequest(false, DevIdentity.ISSUER, tenant, oid, upn, scopes, DevIdentity.APP_ID,
                TokenRequest.DEFAULT_TTL, List.of());
    }

    static String file(String name, String content) {
        return "{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"" + name + "\",\"contentBytes\":\""
                + Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8)) + "\"}";
    }

    static String attachments(String eventPath) {
        return eventPath + "/attachments";
    }

    static String enc(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String id(JsonNode body) {
        return body.path("id").asText();
    }

    static JsonNode call(String method, String path, String token, String body, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(request(method, path, token, body),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    static int status(String method, String path, String token) throws Exception {
        return HTTP.send(request(method, path, token, null), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static HttpRequest request(String method, String path, String token, String body) {
        return HttpRequest.newBuilder(URI.create(graph + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static KafkaProducer<String, byte[]> producer() {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** Writes as an admin can: a system of record's registry change, or a tamper. */
    static void publish(String topic, String key, byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            if (Topics.ATTACHMENTS.equals(topic)) {
                // where the processor writes an event's records: the event's partition
                int partitions = producer.partitionsFor(topic).size();
                producer.send(new ProducerRecord<>(topic, partitionOf(key, partitions), key, value)).get();
            } else {
                producer.send(new ProducerRecord<>(topic, key, value)).get();
            }
        }
    }

    static int partitionOf(String attachmentKey, int partitions) {
        byte[] eventKey = AttachmentKeys.eventKeyOf(attachmentKey).getBytes(StandardCharsets.UTF_8);
        return org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(eventKey))
                % partitions;
    }

    static String recordKey(String attachmentId) throws Exception {
        String[] key = new String[1];
        forEach(Topics.ATTACHMENTS, record -> {
            if (record.key() != null && record.key().endsWith("/" + attachmentId)) {
                key[0] = record.key();
            }
        });
        assertThat(key[0]).as("the record of " + attachmentId).isNotNull();
        return key[0];
    }

    static byte[] latest(String topic, String key) throws Exception {
        byte[][] value = new byte[1][];
        forEach(topic, record -> {
            if (key.equals(record.key())) {
                value[0] = record.value();
            }
        });
        return value[0];
    }

    /** Every committed record of {@code topic}, as the audit tool reads them. */
    static void forEach(String topic, java.util.function.Consumer<ConsumerRecord<String, byte[]>> each) {
        new TopicReader(kafka).read(topic, each);
    }

    static void put(String object, byte[] bytes) throws Exception {
        s3.putObject(PutObjectArgs.builder().bucket(ready.getProperty("s3.bucket")).object(object)
                .stream(new java.io.ByteArrayInputStream(bytes), bytes.length, -1).build());
    }
}
