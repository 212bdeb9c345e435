package dev.attache.processor.topology;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

import dev.attache.schemas.kafka.AttachmentKeys;

/**
 * Sends an attachment record (or an upload session) to the partition its event's commands are in: the producer's
 * default partitioner applied to the event key ({@code murmur2} of the UTF-8 bytes, made positive, modulo the
 * partition count). Holds only while the topic has as many partitions as {@code attachment-commands}.
 *
 * @param <V> what is sent, keyed {@code tenant/event/…}
 */
public final class EventPartitioner<V> implements StreamPartitioner<String, V> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, V value, int numPartitions) {
        return Optional.of(Set.of(partition(AttachmentKeys.eventKeyOf(key), numPartitions)));
    }

    /** The partition Kafka's default partitioner picks for a String {@code key}. */
    public static int partition(String key, int numPartitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % numPartitions;
    }
}
