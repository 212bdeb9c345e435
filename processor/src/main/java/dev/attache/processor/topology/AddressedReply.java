package dev.attache.processor.topology;

import java.util.Optional;
import java.util.Set;

import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.processor.TopicNameExtractor;

import dev.attache.schemas.attachment.AttachmentReply;
import dev.attache.schemas.kafka.JsonSerde;

/**
 * A reply and where it goes, as forwarded to the replies sink. The route travels in the value, not in headers,
 * because a sink writes every header of the record it is given and its topic extractor sees only those same
 * headers: a route kept in a header would be written to the requester too. The serializer writes the reply alone.
 */
record AddressedReply(ReplyRoute route, AttachmentReply reply) {

    /**
     * The reply topic the command asked for (already checked against the allowed pattern), or {@code override}
     * whatever it asked (a replay's shadow replies), when not null.
     */
    static TopicNameExtractor<String, AddressedReply> topic(String override) {
        return override == null ? (key, value, context) -> value.route().topic() : (key, value, context) -> override;
    }

    /**
     * The partition the requester pinned (SmallRye's own replier honours it too), else the default partitioner. A
     * pinned partition the topic does not have falls back to the default rather than failing the task.
     */
    static final StreamPartitioner<String, AddressedReply> PARTITION = (topic, key, value, numPartitions) -> {
        Integer pinned = value.route().partition();
        return pinned != null && pinned < numPartitions ? Optional.of(Set.of(pinned)) : Optional.empty();
    };

    static Serializer<AddressedReply> serializer() {
        Serializer<AttachmentReply> json = JsonSerde.replies();
        return (topic, value) -> json.serialize(topic, value.reply());
    }
}
