package dev.attache.processor.topology;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.AutoOffsetReset;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.FailOnInvalidTimestamp;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.attache.schemas.event.CalendarEvent;
import dev.attache.schemas.kafka.CalendarEventSerde;
import dev.attache.schemas.kafka.CalendarShareSerde;
import dev.attache.schemas.kafka.DirectoryEntrySerde;
import dev.attache.schemas.kafka.GroupMembershipSerde;
import dev.attache.schemas.kafka.JsonSerde;
import dev.attache.schemas.kafka.Topics;
import dev.attache.processor.audit.AuditSettings;
import dev.attache.processor.audit.AuditTree;
import dev.attache.processor.rules.IdempotencyRules.Remembered;

/**
 * The processor's topology, built by one method for the application and its tests:
 *
 * <pre>
 * attachment-commands ──▶ command processor ──┬─▶ attachments          (records and tombstones, partitioned by event)
 *                              │        │       ├─▶ calendar-events      (events created / deleted through Graph)
 *                              │        │       ├─▶ upload-sessions      (open upload sessions; tombstones when they end)
 *                              │        │       ├─▶ object-deletions     (objects let go, deleted after the commit)
 *                              │        │       └─▶ REPLY_TOPIC of the command (replies, when it asked for one)
 *                              ▼        ▼       │
 *                 attachments-store  events-store
 *                              ▲        ▲       │
 * calendar-events ───▶ events registry ─┴───────┴─▶ attachments (tombstones: an event deleted by its system of record)
 *
 * calendar-shares   ──▶ shares-store       (global: every instance holds every share)
 * group-memberships ──▶ memberships-store  (global)
 * user-directory    ──▶ directory-store    (global)
 * </pre>
 *
 * The command processor and the events registry share their stores, so Kafka Streams puts them in one
 * sub-topology: task {@code n} reads partition {@code n} of both {@code attachment-commands} and
 * {@code calendar-events}. Both are keyed {@code tenant/event} with the default partitioner, so an event and its
 * commands meet in one task — as long as the two topics have the same partition count (Streams does not check this
 * for the Processor API; {@code TopicSpec} creates them so).
 */
public final class AttachmentTopology {

    public static final String SOURCE = "attachment-commands-source";
    public static final String PROCESSOR = "attachment-command-processor";
    public static final String ATTACHMENTS_STORE = "attachments-store";
    public static final String ATTACHMENTS_SINK = "attachments-sink";
    public static final String REPLIES_SINK = "replies-sink";
    public static final String DELETIONS_SINK = "object-deletions-sink";

    public static final String EVENTS_SOURCE = "calendar-events-source";
    public static final String EVENTS_REGISTRY = "calendar-events-registry";
    public static final String EVENTS_STORE = "events-store";
    public static final String EVENTS_SINK = "calendar-events-sink";

    /** Open upload sessions, keyed by session in their event's partition; published to {@code upload-sessions}. */
    public static final String SESSIONS_STORE = "upload-sessions-store";
    public static final String SESSIONS_SINK = "upload-sessions-sink";

    /** Creates that succeeded, remembered for their Idempotency-Key or as the original of an SDK retry. */
    public static final String IDEMPOTENCY_STORE = "idempotency-store";
    /** Each task's audit tree (frontier and last checkpoint), keyed by its partition number. */
    public static final String AUDIT_TREE_STORE = "audit-tree-store";
    public static final String AUDIT_SINK = "attachment-audit-sink";
    public static final String CHECKPOINTS_SINK = "audit-checkpoints-sink";

    public static final String SHARES_SOURCE = "calendar-shares-source";
    public static final String SHARES_UPDATER = "calendar-shares-updater";
    public static final String SHARES_STORE = "shares-store";

    public static final String MEMBERSHIPS_SOURCE = "group-memberships-source";
    public static final String MEMBERSHIPS_UPDATER = "group-memberships-updater";
    public static final String MEMBERSHIPS_STORE = "memberships-store";

    public static final String DIRECTORY_SOURCE = "user-directory-source";
    public static final String DIRECTORY_UPDATER = "user-directory-updater";
    public static final String DIRECTORY_STORE = "directory-store";

    /** An event record goes where its commands are: the default partitioner on the same key. */
    static final StreamPartitioner<String, CalendarEvent> BY_EVENT_KEY = (topic, key, value, numPartitions) ->
            Optional.of(Set.of(EventPartitioner.partition(key, numPartitions)));

    private AttachmentTopology() {
    }

    /** The live topology: {@link #build(TopologyTopics, Pattern, CommandOutcomes, AuditSettings)} of the live topics. */
    public static Topology build(Pattern replyTopics, CommandOutcomes outcomes, AuditSettings audit) {
        return build(TopologyTopics.live(), replyTopics, outcomes, audit);
    }

    /**
     * @param topics what it reads and writes: live, or a replay's shadow outputs
     * @param replyTopics the topics a command may ask its reply to be sent to (whole-name match)
     * @param outcomes counts what happened to each command
     * @param audit how the audit trees are signed (a replay signs nothing)
     */
    public static Topology build(TopologyTopics topics, Pattern replyTopics, CommandOutcomes outcomes,
            AuditSettings audit) {
        Topology topology = new Topology();
        // The record timestamp is the broker's log-append time (the topic is LogAppendTime): lastModifiedDateTime
        // derives from it, so take it as is and fail on a record without one rather than invent a time. Earliest:
        // a new application id (a replay) must start from the first command.
        topology.addSource(AutoOffsetReset.earliest(), SOURCE, new FailOnInvalidTimestamp(),
                Serdes.String().deserializer(), JsonSerde.commands(), topics.commands());
        topology.addProcessor(PROCESSOR, () -> new CommandProcessor(replyTopics, outcomes, audit), SOURCE);
        // The registry of events is read from its beginning: an event published before this application first ran
        // exists all the same.
        topology.addSource(AutoOffsetReset.earliest(), EVENTS_SOURCE, Serdes.String().deserializer(),
                new CalendarEventSerde(), topics.calendarEvents());
        topology.addProcessor(EVENTS_REGISTRY, () -> new EventRegistryProcessor(audit), EVENTS_SOURCE);

        topology.addStateStore(store(ATTACHMENTS_STORE, JsonSerde.records()), PROCESSOR, EVENTS_REGISTRY);
        topology.addStateStore(store(EVENTS_STORE, new CalendarEventSerde()), PROCESSOR, EVENTS_REGISTRY);
        topology.addStateStore(store(IDEMPOTENCY_STORE, new JsonSerde<>(Remembered.class)), PROCESSOR);
        topology.addStateStore(store(SESSIONS_STORE, JsonSerde.sessions()), PROCESSOR, EVENTS_REGISTRY);
        topology.addSink(ATTACHMENTS_SINK, topics.attachments(), Serdes.String().serializer(), JsonSerde.records(),
                new EventPartitioner<>(), PROCESSOR, EVENTS_REGISTRY);
        topology.addSink(SESSIONS_SINK, topics.uploadSessions(), Serdes.String().serializer(),
                JsonSerde.sessions().serializer(), new EventPartitioner<>(), PROCESSOR, EVENTS_REGISTRY);
        topology.addSink(REPLIES_SINK, AddressedReply.topic(topics.replies()), Serdes.String().serializer(),
                AddressedReply.serializer(), AddressedReply.PARTITION, PROCESSOR);
        // the payloads of rejected commands, deleted attachments and deleted events' attachments; keyed by object
        topology.addSink(DELETIONS_SINK, topics.objectDeletions(), Serdes.String().serializer(),
                JsonSerde.deletions().serializer(), PROCESSOR, EVENTS_REGISTRY);
        // Rewritten by every decision under one key per partition: cached, so a commit writes the last tree to the
        // changelog once instead of every version of it (the cache is flushed before the transaction commits).
        topology.addStateStore(store(AUDIT_TREE_STORE, new JsonSerde<>(AuditTree.class)).withCachingEnabled(),
                PROCESSOR, EVENTS_REGISTRY);
        topology.addSink(AUDIT_SINK, topics.audit(), Serdes.String().serializer(), PinnedBytes.serializer(),
                PinnedBytes.PARTITION, PROCESSOR, EVENTS_REGISTRY);
        topology.addSink(CHECKPOINTS_SINK, topics.checkpoints(), Serdes.String().serializer(),
                PinnedBytes.serializer(), PinnedBytes.PARTITION, PROCESSOR, EVENTS_REGISTRY);
        topology.addSink(EVENTS_SINK, topics.eventsOut(), Serdes.String().serializer(), new CalendarEventSerde(),
                BY_EVENT_KEY, PROCESSOR);

        // Shares, memberships and directory entries are keyed by owner, group or name, not by event: no partitioning
        // could put them next to an event's commands, so every instance keeps them all (small, rarely written). A
        // global store is rebuilt from its topic, hence no changelog. Each keeps every version of every key: a
        // command is decided with the registry as of its log-append time, live and in a replay alike.
        topology.addGlobalStore(registryStore(SHARES_STORE), SHARES_SOURCE, Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer(), topics.shares(), SHARES_UPDATER,
                () -> new GlobalStoreUpdater(SHARES_STORE));
        topology.addGlobalStore(registryStore(MEMBERSHIPS_STORE), MEMBERSHIPS_SOURCE, Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer(), topics.memberships(), MEMBERSHIPS_UPDATER,
                () -> new GlobalStoreUpdater(MEMBERSHIPS_STORE));
        topology.addGlobalStore(registryStore(DIRECTORY_STORE), DIRECTORY_SOURCE, Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer(), topics.directory(), DIRECTORY_UPDATER,
                () -> new GlobalStoreUpdater(DIRECTORY_STORE));
        return topology;
    }

    /**
     * A task's store, changelogged, a replay's too: under exactly-once a task that must start over (a failure, a
     * move) restores its state from the changelog; without one it would go on from nothing and decide wrongly.
     */
    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> serde) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), serde);
    }

    /** A registry store: every version of every key ({@link RegistryVersions}), rebuilt from its topic. */
    private static StoreBuilder<KeyValueStore<String, RegistryVersions>> registryStore(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(),
                new JsonSerde<>(RegistryVersions.class)).withLoggingDisabled();
    }
}
