package dev.attache.processor.topology;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

import dev.attache.schemas.attachment.AttachmentRecord;
import dev.attache.schemas.kafka.AttachmentKeys;

/**
 * Sends an attachment record to the partition its event's commands are in: the producer's default partitioner
 * applied to the event key ({@code murmur2} of the UTF-8 bytes, made positive, modulo the partition count). Holds
 * only while {@code attachments} has as many partitions as {@code attachment-commands}.
 */
public final class EventPartitioner implements StreamPartitioner<String, AttachmentRecord> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String attachmentKey, AttachmentRecord record,
            int numPartitions) {
        return Optional.of(Set.of(partition(AttachmentKeys.eventKeyOf(attachmentKey), numPartitions)));
    }

    /** The partition Kafka's default partitioner picks for a String {@code key}. */
    public static int partition(String key, int numPartitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % numPartitions;
    }
}
