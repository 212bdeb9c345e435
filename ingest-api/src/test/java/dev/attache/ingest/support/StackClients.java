package dev.attache.ingest.support;

import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.messages.Item;

/** Direct clients of the embedded broker and S3 server, to check what the pipeline left there. */
public final class StackClients {

    private StackClients() {
    }

    public static MinioClient s3() {
        Properties p = PipelineStack.ready();
        return MinioClient.builder().endpoint(p.getProperty("s3.endpoint"))
                .credentials(p.getProperty("s3.access-key"), p.getProperty("s3.secret-key"))
                .region(p.getProperty("s3.region", "us-east-1")).build();
    }

    public static String bucket() {
        return PipelineStack.ready().getProperty("s3.bucket");
    }

    /**
     * Keys of the objects under {@code prefix} once they satisfy {@code settled}, waiting (bounded) for it: the objects
     * a decision let go are deleted after its transaction committed, not with the answer. Answers what is there at the
     * end either way, for the assertion to report.
     */
    public static List<String> settledObjectKeys(String prefix, Predicate<List<String>> settled) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        List<String> keys = objectKeys(prefix);
        while (!settled.test(keys) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100); // polling the condition itself, bounded by the deadline
            keys = objectKeys(prefix);
        }
        return keys;
    }

    /** Keys of all objects under {@code prefix}. */
    public static List<String> objectKeys(String prefix) throws Exception {
        List<String> keys = new ArrayList<>();
        for (Result<Item> r : s3().listObjects(ListObjectsArgs.builder().bucket(bucket()).prefix(prefix)
                .recursive(true).build())) {
            keys.add(r.get().objectName());
        }
        return keys;
    }

    public static StatObjectResponse stat(String key) throws Exception {
        return s3().statObject(StatObjectArgs.builder().bucket(bucket()).object(key).build());
    }

    public static byte[] read(String key) throws Exception {
        try (InputStream in = s3().getObject(GetObjectArgs.builder().bucket(bucket()).object(key).build())) {
            return in.readAllBytes();
        }
    }

    public static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Writes {@code value} as it is to {@code topic}, as any client of the broker could. */
    public static void produce(String topic, String key, byte[] value, Headers headers) {
        Properties config = StackConfig.adminClient();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, null, key, value, headers)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not write to " + topic, e);
        }
    }

    /**
     * The first committed record on {@code topic} whose value satisfies {@code match}, reading from the beginning,
     * waiting at most {@code timeout}.
     */
    public static Optional<ConsumerRecord<String, byte[]>> findRecord(String topic, Predicate<String> match,
            Duration timeout) {
        try (KafkaConsumer<String, byte[]> consumer = fromBeginning(topic)) {
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() != null && match.test(new String(r.value(), java.nio.charset.StandardCharsets.UTF_8))) {
                        return Optional.of(r);
                    }
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Every committed record on {@code topic} whose value satisfies {@code match}, from the beginning to the end the
     * topic had when called, in each partition's order.
     */
    public static List<ConsumerRecord<String, byte[]>> records(String topic, Predicate<String> match) {
        try (KafkaConsumer<String, byte[]> consumer = fromBeginning(topic)) {
            java.util.Set<TopicPartition> partitions = consumer.assignment();
            java.util.Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> found = new java.util.ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Could not read " + topic + " to its end in 30 s");
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() != null && match.test(new String(r.value(), java.nio.charset.StandardCharsets.UTF_8))) {
                        found.add(r);
                    }
                }
            }
            return found;
        }
    }

    /** A {@code read_committed} consumer of every partition of {@code topic}, at its beginning; the caller closes it. */
    private static KafkaConsumer<String, byte[]> fromBeginning(String topic) {
        Properties config = StackConfig.adminClient();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}
