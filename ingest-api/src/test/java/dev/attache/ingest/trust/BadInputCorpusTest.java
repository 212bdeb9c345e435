package dev.attache.ingest.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.attache.ingest.support.Events;
import dev.attache.ingest.support.PipelineStack;
import dev.attache.ingest.support.RawHttp;
import dev.attache.ingest.support.Spool;
import dev.attache.ingest.support.StackClients;
import dev.attache.ingest.support.StackConfig;
import dev.attache.ingest.support.Tokens;
import dev.attache.ingest.spool.SpoolDirectory;
import dev.attache.schemas.kafka.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;

/**
 * Over a hundred bad requests, each written byte for byte on the HTTP port: malformed JSON, wrong shapes and types,
 * bad base64, control characters, sizes, headers, paths, query options, forged and malformed tokens, slow and broken
 * bodies. Every one gets a 4xx in Graph's envelope — never a 5xx — and nothing of any of them stays: no object, no
 * record, no spooled file; those the front refuses (all but the few the processor judges) put nothing in the log either.
 */
@QuarkusTest
@QuarkusTestResource(PipelineStack.class)
class BadInputCorpusTest {

    /**
     * One request: its target, extra headers, body ({@code null}: none), the answer expected, and whether the front
     * refuses it (nothing reaches the log) or the processor does (its command is logged, refused, and its object goes).
     */
    record Case(String name, String method, String target, Map<String, String> headers, String body, int status,
            String code, boolean front) {
    }

    @Inject
    SpoolDirectory spool;

    static final String FILE_TYPE = "\"@odata.type\":\"#microsoft.graph.fileAttachment\"";

    static String file(String rest) {
        return "{" + FILE_TYPE + "," + rest + "}";
    }

    @Test
    void everyBadRequestIsAGraph4xxAndLeavesNothingBehind() throws Exception {
        String tenant = Tokens.newTenant();
        String oid = UUID.randomUUID().toString();
        String token = Tokens.sign(Tokens.delegated(tenant, oid));
        String event = Events.create(token, "/v1.0/me/events");
        String base = "/v1.0/me/events/" + event + "/attachments";
        List<Case> cases = corpus(tenant, oid, token, base);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(100);

        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            RawHttp.Reply reply = RawHttp.send(RestAssured.port, request(c));
            String problem = problem(c, reply);
            if (problem != null) {
                failures.add(c.name() + ": " + problem);
            }
        }

        assertThat(failures).isEmpty();
        Spool.awaitEmpty(spool);
        // the objects of what the processor refused go once their refusals committed
        assertThat(StackClients.settledObjectKeys(tenant + "/", List::isEmpty)).as("no object left").isEmpty();
        assertThat(io.restassured.RestAssured.given().auth().oauth2(token).get(base).then().statusCode(200)
                .extract().<List<?>>path("value")).as("no attachment recorded").isEmpty();
        List<String> logged = commandsOf(tenant);
        long judgedByTheProcessor = cases.stream().filter(c -> !c.front()).count();
        assertThat(logged).as("only the requests the processor judges reach the log, each refused there")
                .hasSize((int) judgedByTheProcessor + 1); // + the create-event
    }

    static byte[] request(Case c) {
        StringBuilder head = new StringBuilder(c.method()).append(' ').append(c.target()).append(" HTTP/1.1\r\n")
                .append("Host: localhost\r\nConnection: close\r\n");
        c.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        byte[] body = c.body() == null ? new byte[0] : c.body().getBytes(StandardCharsets.UTF_8);
        if (c.body() != null && !c.headers().containsKey("Content-Length")
                && !c.headers().containsKey("Transfer-Encoding")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[start.length + body.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(body, 0, all, start.length, body.length);
        return all;
    }

    /** What is wrong with {@code reply} to {@code c}, or null. */
    static String problem(Case c, RawHttp.Reply reply) {
        if (reply.status() >= 500) {
            return "a " + reply.status() + ": " + reply.text();
        }
        if (reply.status() != c.status()) {
            return "expected " + c.status() + ", got " + reply.status() + " " + reply.text();
        }
        String type = reply.headers().get("content-type");
        if (type == null || !type.startsWith("application/json")) {
            return "no JSON body: " + reply.headers();
        }
        JsonNode error = reply.json().path("error");
        if (c.code() != null && !c.code().equals(error.path("code").asText())) {
            return "code " + error.path("code").asText() + ", expected " + c.code();
        }
        if (error.path("message").asText().isBlank() || error.at("/innerError/request-id").asText().isBlank()) {
            return "no message or request-id: " + reply.text();
        }
        return null;
    }

    /** The commands of {@code tenant} on the commands topic (as JSON). */
    static List<String> commandsOf(String tenant) {
        Properties config = StackConfig.adminClient();
        config.put("isolation.level", "read_committed");
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ATTACHMENT_COMMANDS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null && record.value().contains("\"tenantId\":\"" + tenant + "\"")) {
                        found.add(record.value());
                    }
                }
            }
        }
        return found;
    }

    static List<Case> corpus(String tenant, String oid, String token, String base) {
        Map<String, String> auth = Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json");
        List<Case> cases = new ArrayList<>();
        java.util.function.BiConsumer<String, String> badJson = (name, body) -> cases.add(new Case(name, "POST",
                base, auth, body, 400, "BadRequest", true));
        java.util.function.BiConsumer<String, String> invalid = (name, body) -> cases.add(new Case(name, "POST",
                base, auth, body, 400, "ErrorInvalidRequest", true));

        // JSON shapes
        badJson.accept("empty body", "");
        badJson.accept("whitespace body", "   ");
        badJson.accept("array", "[1,2]");
        badJson.accept("string", "\"attachment\"");
        badJson.accept("number", "42");
        badJson.accept("null", "null");
        badJson.accept("true", "true");
        badJson.accept("unclosed object", "{" + FILE_TYPE + ",\"name\":\"a\",\"contentBytes\":\"AQID\"");
        badJson.accept("unclosed string", file("\"name\":\"a"));
        badJson.accept("trailing comma", file("\"name\":\"a\",\"contentBytes\":\"AQID\",") );
        badJson.accept("missing colon", "{" + FILE_TYPE + ",\"name\" \"a\"}");
        badJson.accept("single quotes", "{'name':'a'}");
        badJson.accept("trailing data", file("\"name\":\"a\",\"contentBytes\":\"AQID\"") + "{}");
        badJson.accept("two objects", file("\"name\":\"a\"") + file("\"name\":\"b\""));
        badJson.accept("comment", "{/*x*/" + FILE_TYPE + "}");
        badJson.accept("bare word", "{name: a}");
        badJson.accept("control character in a raw string", file("\"name\":\"a\u0001b\",\"contentBytes\":\"AQID\""));
        badJson.accept("invalid escape", file("\"name\":\"a\\qb\",\"contentBytes\":\"AQID\""));
        badJson.accept("truncated unicode escape", file("\"name\":\"a\\u00\",\"contentBytes\":\"AQID\""));
        badJson.accept("NaN", file("\"name\":\"a\",\"isInline\":NaN"));
        badJson.accept("unknown property", file("\"name\":\"a\",\"colour\":\"red\",\"contentBytes\":\"AQID\""));
        badJson.accept("both payloads", file("\"name\":\"a\",\"contentBytes\":\"AQID\",\"item\":{}"));
        // base64
        badJson.accept("base64 with stars", file("\"name\":\"a\",\"contentBytes\":\"AQ*D\""));
        badJson.accept("base64 with spaces inside", file("\"name\":\"a\",\"contentBytes\":\"AQ ID\""));
        badJson.accept("base64 url alphabet", file("\"name\":\"a\",\"contentBytes\":\"-_-_\""));
        badJson.accept("base64 too much padding", file("\"name\":\"a\",\"contentBytes\":\"AQ===\""));
        badJson.accept("base64 non-ASCII", file("\"name\":\"a\",\"contentBytes\":\"AQé=\""));
        badJson.accept("base64 lone character", file("\"name\":\"a\",\"contentBytes\":\"A\""));
        badJson.accept("base64 unterminated", file("\"name\":\"a\",\"contentBytes\":\"AQIDBAUG"));
        // types
        badJson.accept("name a number", file("\"name\":5,\"contentBytes\":\"AQID\""));
        badJson.accept("name an object", file("\"name\":{},\"contentBytes\":\"AQID\""));
        badJson.accept("name an array", file("\"name\":[\"a\"],\"contentBytes\":\"AQID\""));
        badJson.accept("name a boolean", file("\"name\":true,\"contentBytes\":\"AQID\""));
        badJson.accept("contentType a number", file("\"name\":\"a\",\"contentType\":1,\"contentBytes\":\"AQID\""));
        badJson.accept("contentId an object", file("\"name\":\"a\",\"contentId\":{},\"contentBytes\":\"AQID\""));
        badJson.accept("isInline a word", file("\"name\":\"a\",\"isInline\":\"maybe\",\"contentBytes\":\"AQID\""));
        badJson.accept("isInline a number", file("\"name\":\"a\",\"isInline\":1,\"contentBytes\":\"AQID\""));
        badJson.accept("contentBytes a number", file("\"name\":\"a\",\"contentBytes\":12"));
        badJson.accept("contentBytes an array", file("\"name\":\"a\",\"contentBytes\":[1]"));
        badJson.accept("contentBytes an object", file("\"name\":\"a\",\"contentBytes\":{}"));
        badJson.accept("@odata.type a number", "{\"@odata.type\":7,\"name\":\"a\",\"contentBytes\":\"AQID\"}");
        badJson.accept("item a string", "{\"@odata.type\":\"#microsoft.graph.itemAttachment\",\"name\":\"a\","
                + "\"item\":\"x\"}");
        badJson.accept("item an array", "{\"@odata.type\":\"#microsoft.graph.itemAttachment\",\"name\":\"a\","
                + "\"item\":[]}");
        badJson.accept("sourceUrl a number", "{\"@odata.type\":\"#microsoft.graph.referenceAttachment\","
                + "\"name\":\"a\",\"sourceUrl\":1}");
        badJson.accept("isFolder a word", "{\"@odata.type\":\"#microsoft.graph.referenceAttachment\","
                + "\"name\":\"a\",\"sourceUrl\":\"https://x\",\"isFolder\":\"perhaps\"}");
        // nesting
        badJson.accept("item unclosed deep", "{\"@odata.type\":\"#microsoft.graph.itemAttachment\",\"name\":\"a\","
                + "\"item\":" + "{\"a\":".repeat(50));
        badJson.accept("nesting past the parser's limit", "{\"@odata.type\":\"#microsoft.graph.itemAttachment\","
                + "\"name\":\"a\",\"item\":" + "[".repeat(2000) + "]".repeat(2000) + "}");
        badJson.accept("object as a property name", "{{}:1}");
        // control characters, surrogates, lengths
        for (String escaped : List.of("\\u0000", "\\u0007", "\\u001b", "\\n", "\\r", "\\t", "\\u007f", "\\u0085",
                "\\ud800", "\\udfff")) {
            invalid.accept("name with " + escaped, file("\"name\":\"a" + escaped + "b\",\"contentBytes\":\"AQID\""));
        }
        invalid.accept("name with a bidi override", file("\"name\":\"evil\\u202efdp.exe\",\"contentBytes\":\"AQID\""));
        invalid.accept("contentId with CRLF", file("\"name\":\"a\",\"contentId\":\"x\\r\\nSet-Cookie: a=b\","
                + "\"contentBytes\":\"AQID\""));
        invalid.accept("contentType with a NUL", file("\"name\":\"a\",\"contentType\":\"text/plain\\u0000\","
                + "\"contentBytes\":\"AQID\""));
        invalid.accept("name of 256 characters", file("\"name\":\"" + "n".repeat(256) + "\",\"contentBytes\":\"AQID\""));
        invalid.accept("contentId of 256 characters", file("\"name\":\"a\",\"contentId\":\"" + "c".repeat(256)
                + "\",\"contentBytes\":\"AQID\""));
        invalid.accept("sourceUrl of 2,049 characters", "{\"@odata.type\":\"#microsoft.graph.referenceAttachment\","
                + "\"name\":\"a\",\"sourceUrl\":\"https://x/" + "u".repeat(2039) + "\"}");
        invalid.accept("item type with a control character", "{\"@odata.type\":\"#microsoft.graph.itemAttachment\","
                + "\"name\":\"a\",\"item\":{\"@odata.type\":\"#microsoft.graph.event\\u0000\"}}");
        cases.add(new Case("event subject with a NUL", "POST", "/v1.0/me/events", auth,
                "{\"subject\":\"a\\u0000\"}", 400, "ErrorInvalidRequest", true));
        cases.add(new Case("event body content with a bell", "POST", "/v1.0/me/events", auth,
                "{\"body\":{\"contentType\":\"text\",\"content\":\"ring\\u0007\"}}", 400, "ErrorInvalidRequest", true));
        cases.add(new Case("event of 65 KiB", "POST", "/v1.0/me/events", auth,
                "{\"subject\":\"s\",\"x\":\"" + "x".repeat(65 * 1024) + "\"}", 413, "RequestEntityTooLarge", true));
        // sizes
        cases.add(new Case("Content-Length over 4 MiB", "POST", base, Map.of("Authorization", "Bearer " + token,
                "Content-Type", "application/json", "Content-Length", "4194305"), null, 413, "RequestEntityTooLarge",
                true));
        cases.add(new Case("chunked body over 4 MiB", "POST", base, Map.of("Authorization", "Bearer " + token,
                "Content-Type", "application/json", "Transfer-Encoding", "chunked"),
                chunked(file("\"name\":\"big\",\"contentBytes\":\"" + "A".repeat(4 * 1024 * 1024 + 8) + "\"")),
                413, "RequestEntityTooLarge", true));
        // headers
        cases.add(new Case("text/plain", "POST", base, Map.of("Authorization", "Bearer " + token, "Content-Type",
                "text/plain"), "hello", 415, "UnsupportedMediaType", true));
        cases.add(new Case("multipart", "POST", base, Map.of("Authorization", "Bearer " + token, "Content-Type",
                "multipart/form-data; boundary=x"), "--x--", 415, "UnsupportedMediaType", true));
        cases.add(new Case("headers of 100 KB", "POST", base, Map.of("Authorization", "Bearer " + token,
                "Content-Type", "application/json", "X-Padding", "p".repeat(100 * 1024)), file("\"name\":\"a\""), 431,
                "RequestHeaderFieldsTooLarge", true));
        cases.add(new Case("a hostile client-request-id", "POST", base, Map.of("Authorization", "Bearer " + token,
                "Content-Type", "application/json", "client-request-id", "<script>alert(1)</script>"),
                file("\"name\":\"a\\u0000\",\"contentBytes\":\"AQID\""), 400, "ErrorInvalidRequest", true));
        // paths
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);
        cases.add(new Case("bad percent-escape", "GET", "/v1.0/me/events/%zz/attachments", bearer, null, 400,
                "BadRequest", true));
        cases.add(new Case("truncated percent-escape", "GET", "/v1.0/me/events/E%2/attachments", bearer, null, 400,
                "BadRequest", true));
        cases.add(new Case("a path of 20 KB", "GET", "/v1.0/me/events/" + "E".repeat(20 * 1024) + "/attachments",
                bearer, null, 414, "RequestUriTooLong", true));
        cases.add(new Case("braces in the path", "GET", "/v1.0/me/events/{E}/attachments", bearer, null, 400,
                "BadRequest", true));
        cases.add(new Case("a pipe in the path", "GET", "/v1.0/me/events/a|b/attachments", bearer, null, 400,
                "BadRequest", true));
        cases.add(new Case("unknown version", "GET", "/v2.0/me/events/E/attachments", bearer, null, 404,
                "ResourceNotFound", true));
        cases.add(new Case("unknown collection", "GET", "/v1.0/me/messages/E/attachments", bearer, null, 404,
                "ResourceNotFound", true));
        cases.add(new Case("dot segments", "GET", "/v1.0/me/events/../../q/metrics", bearer, null, 404, null, true));
        cases.add(new Case("encoded slash in the event id", "POST", "/v1.0/me/events/a%2Fb/attachments", auth,
                file("\"name\":\"a\",\"contentBytes\":\"AQID\""), 404, "ErrorItemNotFound", false));
        cases.add(new Case("an empty event id", "GET", "/v1.0/me/events//attachments", bearer, null, 404, null, true));
        cases.add(new Case("an OData key unclosed", "GET", "/v1.0/me/events('E/attachments", bearer, null, 404, null,
                true));
        cases.add(new Case("PUT on a collection", "PUT", base, auth, "{}", 405, "MethodNotAllowed", true));
        cases.add(new Case("PATCH on an attachment", "PATCH", base + "/A1", auth, "{}", 405, "MethodNotAllowed", true));
        cases.add(new Case("DELETE on a collection", "DELETE", base, bearer, null, 405, "MethodNotAllowed", true));
        cases.add(new Case("POST on $value", "POST", base + "/A1/$value", auth, "{}", 405, "MethodNotAllowed", true));
        cases.add(new Case("someone else's event", "POST", "/v1.0/users/" + UUID.randomUUID() + "/events/E/attachments",
                auth, file("\"name\":\"a\",\"contentBytes\":\"AQID\""), 403, "ErrorAccessDenied", true));
        // query options
        for (String query : List.of("$filter=name%20eq", "$filter=size%20gt%20'x'", "$orderby=colour",
                "$top=-1", "$top=abc", "$skip=-5", "$select=nonsense", "$expand=everything", "$count=maybe",
                "$search=x", "$format=xml", "$custom=1", "$filter=" + "(".repeat(300) + "true" + ")".repeat(300))) {
            cases.add(new Case("query " + query.substring(0, Math.min(24, query.length())), "GET", base + "?" + query,
                    bearer, null, 400, null, true));
        }
        // tokens
        for (Map.Entry<String, String> forged : forgedTokens(tenant, oid).entrySet()) {
            cases.add(new Case("token: " + forged.getKey(), "POST", base, Map.of("Authorization", forged.getValue(),
                    "Content-Type", "application/json"), file("\"name\":\"a\",\"contentBytes\":\"AQID\""), 401,
                    "InvalidAuthenticationToken", true));
        }
        // what only the processor can judge: logged, refused, object deleted
        for (String body : List.of("{\"name\":\"a.txt\",\"contentBytes\":\"AQID\"}",
                "{\"@odata.type\":\"#microsoft.graph.photoAttachment\",\"name\":\"a\",\"contentBytes\":\"AQID\"}",
                file("\"contentBytes\":\"AQID\""), file("\"name\":\"  \",\"contentBytes\":\"AQID\""),
                file("\"name\":\"a.txt\""),
                "{\"@odata.type\":\"#microsoft.graph.itemAttachment\",\"name\":\"a\",\"item\":{\"@odata.type\":"
                        + "\"#microsoft.graph.driveItem\"}}",
                "{\"@odata.type\":\"#microsoft.graph.referenceAttachment\",\"name\":\"a\",\"sourceUrl\":\"ftp://x\"}")) {
            cases.add(new Case("judged by the processor: " + body.substring(0, Math.min(40, body.length())), "POST",
                    base.replace("/v1.0/", "/beta/"), auth, body, 400, "ErrorInvalidRequest", false));
        }
        cases.add(new Case("an event that does not exist", "POST", "/v1.0/me/events/AAMk" + UUID.randomUUID()
                + "/attachments", auth, file("\"name\":\"a\",\"contentBytes\":\"AQID\""), 404, "ErrorItemNotFound",
                false));
        return cases;
    }

    /** {@code body} in HTTP/1.1 chunks of 64 KiB, ended by the zero chunk. */
    static String chunked(String body) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < body.length(); i += 65536) {
            String chunk = body.substring(i, Math.min(body.length(), i + 65536));
            out.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        return out.append("0\r\n\r\n").toString();
    }

    /** Authorization headers that must all be refused: none valid, each wrong in its own way. */
    static Map<String, String> forgedTokens(String tenant, String oid) {
        Map<String, String> forged = new LinkedHashMap<>();
        String issuer = PipelineStack.ready().getProperty("jwt.issuer");
        String valid = Tokens.sign(Tokens.delegated(tenant, oid));
        forged.put("empty", "Bearer ");
        forged.put("not a bearer", "Basic dXNlcjpwYXNz");
        forged.put("garbage", "Bearer not.a.jwt");
        forged.put("one segment", "Bearer abcdef");
        forged.put("alg none", "Bearer " + Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + valid.split("\\.")[1] + ".");
        forged.put("tampered payload", "Bearer " + valid.split("\\.")[0] + "." + Base64.getUrlEncoder()
                .withoutPadding().encodeToString(("{\"tid\":\"" + tenant + "\",\"oid\":\"someone-else\"}")
                        .getBytes(StandardCharsets.UTF_8)) + "." + valid.split("\\.")[2]);
        forged.put("expired", "Bearer " + Tokens.sign(Tokens.delegated(tenant, oid)
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600))));
        forged.put("not yet valid", "Bearer " + Tokens.sign(Tokens.delegated(tenant, oid)
                .claim("nbf", Instant.now().plusSeconds(3600).getEpochSecond())));
        forged.put("another issuer", "Bearer " + Tokens.sign(Tokens.delegated(tenant, oid).issuer("https://evil")));
        forged.put("another audience", "Bearer " + Tokens.sign(Tokens.delegated(tenant, oid).audience("api://x")));
        forged.put("no tid", "Bearer " + Tokens.sign(Jwt.issuer(issuer).audience(Tokens.AUDIENCE).subject(oid)
                .claim("oid", oid).claim("scp", "Calendars.ReadWrite").expiresIn(600)));
        forged.put("no oid", "Bearer " + Tokens.sign(Jwt.issuer(issuer).audience(Tokens.AUDIENCE).subject(oid)
                .claim("tid", tenant).claim("scp", "Calendars.ReadWrite").expiresIn(600)));
        forged.put("a tenant that is no id", "Bearer " + Tokens.sign(Tokens.delegated("../../etc", oid)));
        forged.put("signed by another key", "Bearer " + Tokens.delegated(tenant, oid).sign(otherKey()));
        return forged;
    }

    static java.security.PrivateKey otherKey() {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
