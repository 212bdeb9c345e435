package dev.attache.processor.topology;

import java.util.regex.Pattern;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.AutoOffsetReset;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.FailOnInvalidTimestamp;
import org.apache.kafka.streams.state.Stores;

import dev.attache.processor.objects.ObjectDiscarder;
import dev.attache.schemas.kafka.JsonSerde;
import dev.attache.schemas.kafka.Topics;

/**
 * The processor's topology, built by one method for the application and its tests:
 *
 * <pre>
 * attachment-commands ──▶ command processor ──▶ attachments            (accepted records, partitioned by event)
 *                            │  ▲            └─▶ REPLY_TOPIC of the command (replies, when it asked for one)
 *                            ▼  │
 *                      attachments-store       (tenant/event/attachment → record, prefix-scannable per event)
 * </pre>
 */
public final class AttachmentTopology {

    public static final String SOURCE = "attachment-commands-source";
    public static final String PROCESSOR = "attachment-command-processor";
    public static final String ATTACHMENTS_STORE = "attachments-store";
    public static final String ATTACHMENTS_SINK = "attachments-sink";
    public static final String REPLIES_SINK = "replies-sink";

    private AttachmentTopology() {
    }

    /**
     * @param replyTopics the topics a command may ask its reply to be sent to (whole-name match)
     * @param discarder deletes the payloads of rejected commands
     * @param outcomes counts what happened to each command
     */
    public static Topology build(Pattern replyTopics, ObjectDiscarder discarder, CommandOutcomes outcomes) {
        Topology topology = new Topology();
        // The record timestamp is the broker's log-append time (the topic is LogAppendTime): lastModifiedDateTime
        // derives from it, so take it as is and fail on a record without one rather than invent a time. Earliest:
        // a new application id (a replay) must start from the first command.
        topology.addSource(AutoOffsetReset.earliest(), SOURCE, new FailOnInvalidTimestamp(),
                Serdes.String().deserializer(), JsonSerde.commands(), Topics.ATTACHMENT_COMMANDS);
        topology.addProcessor(PROCESSOR, () -> new CommandProcessor(replyTopics, discarder, outcomes), SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ATTACHMENTS_STORE),
                Serdes.String(), JsonSerde.records()), PROCESSOR);
        topology.addSink(ATTACHMENTS_SINK, Topics.ATTACHMENTS, Serdes.String().serializer(), JsonSerde.records(),
                new EventPartitioner(), PROCESSOR);
        topology.addSink(REPLIES_SINK, AddressedReply.TOPIC, Serdes.String().serializer(),
                AddressedReply.serializer(), AddressedReply.PARTITION, PROCESSOR);
        return topology;
    }
}
