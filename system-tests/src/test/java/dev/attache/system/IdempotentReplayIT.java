package dev.attache.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attache.processor.topology.AttachmentTopology;
import dev.attache.processor.topology.CommandOutcomes;
import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.schemas.kafka.AttachmentKeys;
import dev.attache.schemas.kafka.JsonSerde;
import dev.attache.schemas.kafka.ReplyHeaders;
import dev.attache.schemas.kafka.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Idempotent creates as the running stack decided them, then decided again: the commands ingest-api appended — key
 * repeats, a reused key, SDK retries, identical requests sent on purpose — are read back from the real log and
 * replayed through the processor's topology in a fresh state. Every reply must be byte for byte the one the live
 * processor committed: the decisions are functions of the log alone.
 */
class IdempotentReplayIT {

    static final ObjectMapper JSON = new ObjectMapper();
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

    @TempDir
    Path state;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aReplayOfTheCommandLogDecidesEveryRepeatAsTheLiveProcessorDid() throws Exception {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String token = stack.tokenForNewUser(tenant, UUID.randomUUID().toString());
        String event = JSON.readTree(send(token, stack.graphBase() + "/me/events", "{\"subject\":\"Replay\"}",
                Map.of()).body()).get("id").asText();
        String attachments = stack.graphBase() + "/me/events/" + URLEncoder.encode(event, StandardCharsets.UTF_8)
                + "/attachments";
        String crid = UUID.randomUUID().toString();

        List<Integer> statuses = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> request : List.of(
                Map.entry("monday", Map.of("Idempotency-Key", "k1")),
                Map.entry("monday", Map.of("Idempotency-Key", "k1")),
                Map.entry("tuesday", Map.of("Idempotency-Key", "k1")),
                Map.entry("wednesday", Map.of("client-request-id", crid)),
                Map.entry("wednesday", Map.of("client-request-id", crid, "Retry-Attempt", "1")),
                Map.entry("wednesday", Map.of("client-request-id", crid)))) {
            HttpResponse<String> answer = send(token, attachments, file(request.getKey()), request.getValue());
            statuses.add(answer.statusCode());
            ids.add(answer.statusCode() == 201 ? JSON.readTree(answer.body()).get("id").asText() : null);
        }
        assertThat(statuses).containsExactly(201, 201, 422, 201, 201, 201);
        assertThat(ids.get(1)).isEqualTo(ids.get(0));
        assertThat(ids.get(4)).isEqualTo(ids.get(3));
        assertThat(ids.get(5)).isNotIn(ids.get(0), ids.get(3));

        List<ConsumerRecord<String, byte[]>> commands = read(Topics.ATTACHMENT_COMMANDS,
                AttachmentKeys.eventKey(tenant, event));
        Map<String, byte[]> live = new HashMap<>();
        read(Topics.ATTACHMENT_REPLIES, AttachmentKeys.eventKey(tenant, event))
                .forEach(reply -> live.put(correlation(reply), reply.value()));
        assertThat(commands).as("the event's create and the six adds").hasSize(7);

        Map<String, byte[]> replayed = replay(commands);

        assertThat(replayed.keySet()).isEqualTo(live.keySet());
        replayed.forEach((correlation, reply) -> assertThat(new String(reply, StandardCharsets.UTF_8))
                .as("reply to %s", correlation).isEqualTo(new String(live.get(correlation), StandardCharsets.UTF_8)));
    }

    private Map<String, byte[]> replay(List<ConsumerRecord<String, byte[]>> commands) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "attache-replay-" + UUID.randomUUID());
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka.invalid:9092");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        Map<String, byte[]> replies = new LinkedHashMap<>();
        try (TopologyTestDriver driver = new TopologyTestDriver(AttachmentTopology.build(Pattern.compile(".*"),
                new CommandOutcomes(new SimpleMeterRegistry()), dev.attache.processor.audit.AuditSettings.unsigned()),
                config)) {
            TestInputTopic<String, AttachmentCommand> in = driver.createInputTopic(Topics.ATTACHMENT_COMMANDS,
                    new StringSerializer(), JsonSerde.commands().serializer());
            for (ConsumerRecord<String, byte[]> command : commands) {
                in.pipeInput(new TestRecord<>(command.key(), JsonSerde.commands().deserializer()
                        .deserialize(Topics.ATTACHMENT_COMMANDS, command.value()), command.headers(),
                        Instant.ofEpochMilli(command.timestamp())));
            }
            driver.createOutputTopic(Topics.ATTACHMENT_REPLIES, new StringDeserializer(), new ByteArrayDeserializer())
                    .readRecordsToList().forEach(reply -> replies.put(new String(
                            reply.headers().lastHeader(ReplyHeaders.CORRELATION_ID).value(), StandardCharsets.UTF_8),
                            reply.value()));
        }
        return replies;
    }

    /** Every committed record of {@code topic} with {@code key}, in log order (one key: one partition). */
    private static List<ConsumerRecord<String, byte[]>> read(String topic, String key) {
        Map<String, Object> config = new HashMap<>(stack.kafkaAdmin());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
            }
        }
        return found;
    }

    private static String correlation(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(ReplyHeaders.CORRELATION_ID);
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String file(String content) {
        return "{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"menu.txt\",\"contentBytes\":\""
                + Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8)) + "\"}";
    }

    private HttpResponse<String> send(String token, String url, String body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
