package dev.attache.audit.log;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic's committed records, partition by partition in offset order, from its beginning to the end it had
 * when the read began. No consumer group: nothing is committed, nothing is left behind.
 */
public final class TopicReader {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration STALL = Duration.ofMinutes(2);

    private final Map<String, Object> kafka;

    public TopicReader(Map<String, Object> kafka) {
        this.kafka = kafka;
    }

    /** Every committed record of {@code topic}; an absent topic has none. */
    public void read(String topic, Consumer<ConsumerRecord<String, byte[]>> each) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            if (partitions.isEmpty()) {
                return;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant lastProgress = Instant.now();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                int n = 0;
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        each.accept(record);
                        n++;
                    }
                }
                if (n > 0) {
                    lastProgress = Instant.now();
                } else if (Instant.now().isAfter(lastProgress.plus(STALL))) {
                    throw new IllegalStateException("Reading " + topic + " made no progress for " + STALL);
                }
            }
        }
    }

    /** The topic's end offsets now, by partition number; empty when it does not exist. */
    public Map<Integer, Long> endOffsets(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            Map<Integer, Long> ends = new HashMap<>();
            consumer.endOffsets(partitions(consumer, topic)).forEach((p, end) -> ends.put(p.partition(), end));
            return ends;
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer, String topic) {
        return consumer.listTopics().getOrDefault(topic, List.of()).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
    }
}
