package dev.attache.processor.topology;

import java.util.Optional;
import java.util.Set;

import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Bytes written as they are, to the partition numbered like the task that wrote them. The audit trail needs both:
 * the bytes are a Merkle leaf (re-serializing could change them), and each task's tree must be exactly the entries
 * of one partition, whatever key an input record arrived with.
 */
record PinnedBytes(int partition, byte[] bytes) {

    static final StreamPartitioner<String, PinnedBytes> PARTITION = (topic, key, value, numPartitions) -> {
        if (value.partition() >= numPartitions) {
            // TopicSpec creates the audit topics with the commands' count; anything else is a deployment error
            throw new IllegalStateException(topic + " has " + numPartitions + " partitions; task "
                    + value.partition() + " needs its own");
        }
        return Optional.of(Set.of(value.partition()));
    };

    static Serializer<PinnedBytes> serializer() {
        return (topic, value) -> value.bytes();
    }
}
