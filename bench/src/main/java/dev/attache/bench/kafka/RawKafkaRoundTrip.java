package dev.attache.bench.kafka;

import dev.attache.bench.load.Operation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Baseline 2: the Kafka part of the pipeline without the pipeline. Each operation produces one command-sized record
 * (acks=all, idempotent, linger 0: the settings ingest-api uses) and completes when a {@code read_committed}
 * consumer has read it back. The topic is the run's own and is deleted on {@link #close()}.
 */
public final class RawKafkaRoundTrip implements AutoCloseable {

    private static final int PARTITIONS = 6;

    private final Map<String, Object> client;
    private final String topic = "attache-bench-roundtrip-" + UUID.randomUUID();
    private final Map<String, CompletableFuture<Void>> awaiting = new ConcurrentHashMap<>();
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread reader;
    private volatile boolean running = true;

    /** @param client {@code bootstrap.servers} and the security settings of a user allowed to create topics */
    public RawKafkaRoundTrip(Map<String, Object> client) throws Exception {
        this.client = Map.copyOf(client);
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(PARTITIONS), Optional.empty())))
                    .all().get(30, TimeUnit.SECONDS);
        }
        producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer());
        consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = java.util.stream.IntStream.range(0, PARTITIONS)
                .mapToObj(p -> new TopicPartition(topic, p)).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before anything is produced
        reader = new Thread(this::readBack, "raw-kafka-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Produces {@code value} under a fresh key and completes when it has been read back. */
    public Operation roundTrip(byte[] value) {
        return () -> {
            String key = UUID.randomUUID().toString();
            CompletableFuture<Void> readBack = new CompletableFuture<>();
            awaiting.put(key, readBack);
            producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> {
                if (error != null) {
                    awaiting.remove(key);
                    readBack.completeExceptionally(error);
                }
            });
            return readBack;
        };
    }

    private void readBack() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    CompletableFuture<Void> waiting = awaiting.remove(record.key());
                    if (waiting != null) {
                        waiting.complete(null);
                    }
                }
            }
        } catch (WakeupException e) {
            // close() asked to stop
        } finally {
            consumer.close(Duration.ZERO);
        }
    }

    private Properties producerConfig() {
        Properties config = new Properties();
        config.putAll(client);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return config;
    }

    private Properties consumerConfig() {
        Properties config = new Properties();
        config.putAll(client);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return config;
    }

    @Override
    public void close() throws Exception {
        running = false;
        consumer.wakeup();
        reader.join(TimeUnit.SECONDS.toMillis(10));
        producer.close(Duration.ofSeconds(10));
        try (Admin admin = Admin.create(client)) {
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        }
    }
}
