package dev.attache.processor.topology;

import static dev.attache.schemas.kafka.ReplyHeaders.CORRELATION_ID;
import static dev.attache.schemas.kafka.ReplyHeaders.REPLY_TOPIC;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

import dev.attache.schemas.ContractSchemas;
import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.schemas.attachment.AttachmentRecord;
import dev.attache.schemas.attachment.ObjectRef;
import dev.attache.schemas.attachment.ObjectDeletion;
import dev.attache.schemas.session.UploadSession;
import dev.attache.schemas.attachment.AttachmentReply;
import dev.attache.schemas.event.CalendarEvent;
import dev.attache.schemas.event.CalendarShare;
import dev.attache.schemas.event.DirectoryEntry;
import dev.attache.schemas.event.GroupMembership;
import dev.attache.schemas.kafka.AttachmentKeys;
import dev.attache.schemas.kafka.CalendarEventSerde;
import dev.attache.schemas.kafka.CalendarShareSerde;
import dev.attache.schemas.kafka.ContractJson;
import dev.attache.schemas.kafka.DirectoryEntrySerde;
import dev.attache.schemas.kafka.GroupMembershipSerde;
import dev.attache.schemas.kafka.JsonSerde;
import dev.attache.schemas.kafka.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The topology under {@code TopologyTestDriver} with the application's exactly-once settings and the real serdes:
 * input topics as the front and the systems of record write them, outputs as their readers see them, each checked
 * against its JSON Schema.
 */
final class TopologyHarness implements AutoCloseable {

    static final byte[] CORRELATION = {0x3B, 0x00, (byte) 0x9A, 0x5C, 0x71, 0x0E, 0x42, (byte) 0xD1};

    /**
     * When the registry records a test publishes without a time were written: before any command of any test, so
     * they are in force for all of them (lookups are as of each command's time).
     */
    static final Instant REGISTRY_TIME = Instant.parse("2026-01-01T00:00:00Z");

    /** The audit key pair of every harness, and its settings: a checkpoint every 4 entries, or every minute. */
    static final java.security.KeyPair AUDIT_KEYS = auditKeys();
    static final dev.attache.processor.audit.AuditSettings AUDIT = new dev.attache.processor.audit.AuditSettings(
            AUDIT_KEYS.getPrivate(), AUDIT_KEYS.getPublic(), 4, java.time.Duration.ofMinutes(1));

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final TopologyTestDriver driver;
    final TestInputTopic<String, AttachmentCommand> commands;
    final TestInputTopic<String, CalendarEvent> events;
    final TestInputTopic<String, CalendarShare> shares;
    final TestInputTopic<String, GroupMembership> memberships;
    final TestInputTopic<String, DirectoryEntry> directory;
    private final TestOutputTopic<String, byte[]> eventsOut;
    private final TestOutputTopic<String, byte[]> deletionsOut;
    private final List<ObjectRef> discarded = new ArrayList<>();
    private final List<ObjectDeletion> deletions = new ArrayList<>();

    TopologyHarness(Path stateDir) {
        driver = new TopologyTestDriver(AttachmentTopology.build(Pattern.compile(Topics.ATTACHMENT_REPLIES),
                new CommandOutcomes(registry), AUDIT), streamsConfig(stateDir), Instant.parse("2026-12-07T12:00:00Z"));
        commands = driver.createInputTopic(Topics.ATTACHMENT_COMMANDS, new StringSerializer(), JsonSerde.commands());
        events = driver.createInputTopic(Topics.CALENDAR_EVENTS, new StringSerializer(), new CalendarEventSerde());
        shares = driver.createInputTopic(Topics.CALENDAR_SHARES, new StringSerializer(), new CalendarShareSerde(),
                REGISTRY_TIME, Duration.ZERO);
        memberships = driver.createInputTopic(Topics.GROUP_MEMBERSHIPS, new StringSerializer(),
                new GroupMembershipSerde(), REGISTRY_TIME, Duration.ZERO);
        directory = driver.createInputTopic(Topics.USER_DIRECTORY, new StringSerializer(), new DirectoryEntrySerde(),
                REGISTRY_TIME, Duration.ZERO);
        eventsOut = driver.createOutputTopic(Topics.CALENDAR_EVENTS, new StringDeserializer(),
                new ByteArrayDeserializer());
        deletionsOut = driver.createOutputTopic(Topics.OBJECT_DELETIONS, new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    private static java.security.KeyPair auditKeys() {
        try {
            return java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The streams settings the application runs with that change what a test can observe. */
    static Properties streamsConfig(Path stateDir) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "attache-processor");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka.invalid:9092");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return config;
    }

    @Override
    public void close() {
        driver.close();
    }

    /** The headers SmallRye's KafkaRequestReply puts on a request. */
    static Headers request(String replyTopic) {
        return new RecordHeaders()
                .add(CORRELATION_ID, CORRELATION)
                .add(REPLY_TOPIC, replyTopic.getBytes(StandardCharsets.UTF_8));
    }

    static Headers request() {
        return request(Topics.ATTACHMENT_REPLIES);
    }

    void send(AttachmentCommand command, Headers headers, Instant appendTime) {
        String key = AttachmentKeys.eventKey(command.tenantId(), command.eventId());
        commands.pipeInput(new TestRecord<>(key, command, headers, appendTime));
    }

    /** A system of record publishes (or updates) an event. */
    void publish(CalendarEvent event) {
        assertConforms(ContractSchemas.EVENT_V1, new CalendarEventSerde().serialize(Topics.CALENDAR_EVENTS, event));
        events.pipeInput(AttachmentKeys.eventKey(event.tenantId(), event.eventId()), event);
    }

    /** A system of record deletes an event. */
    void unpublish(String tenantId, String eventId) {
        events.pipeInput(AttachmentKeys.eventKey(tenantId, eventId), null);
    }

    void share(CalendarShare share) {
        assertConforms(ContractSchemas.SHARE_V1, new CalendarShareSerde().serialize(Topics.CALENDAR_SHARES, share));
        shares.pipeInput(AttachmentKeys.shareKey(share.tenantId(), share.ownerId(), share.calendarId(),
                share.granteeId()), share);
    }

    /** The share granted at {@code at}. */
    void share(CalendarShare share, Instant at) {
        shares.pipeInput(new TestRecord<>(shareKey(share), share, at));
    }

    /** The share revoked at {@code at}: a tombstone. */
    void unshare(CalendarShare share, Instant at) {
        shares.pipeInput(new TestRecord<>(shareKey(share), null, at));
    }

    /** The membership ended at {@code at}: a tombstone. */
    void unmember(GroupMembership membership, Instant at) {
        memberships.pipeInput(new TestRecord<>(AttachmentKeys.membershipKey(membership.tenantId(),
                membership.groupId(), membership.memberId()), null, at));
    }

    private static String shareKey(CalendarShare share) {
        return AttachmentKeys.shareKey(share.tenantId(), share.ownerId(), share.calendarId(), share.granteeId());
    }

    void member(GroupMembership membership) {
        assertConforms(ContractSchemas.MEMBERSHIP_V1, new GroupMembershipSerde().serialize(Topics.GROUP_MEMBERSHIPS,
                membership));
        memberships.pipeInput(AttachmentKeys.membershipKey(membership.tenantId(), membership.groupId(),
                membership.memberId()), membership);
    }

    /** The directory's system of record names a user. */
    void name(DirectoryEntry entry) {
        assertConforms(ContractSchemas.DIRECTORY_V1, new DirectoryEntrySerde().serialize(Topics.USER_DIRECTORY,
                entry));
        directory.pipeInput(AttachmentKeys.directoryKey(entry.tenantId(), entry.userPrincipalName()), entry);
    }

    /** The registry as the rules see it: the global stores. */
    StoreRegistry registry() {
        return new StoreRegistry(versioned(AttachmentTopology.SHARES_STORE),
                versioned(AttachmentTopology.MEMBERSHIPS_STORE), versioned(AttachmentTopology.DIRECTORY_STORE),
                StoreRegistry.LATEST);
    }

    private org.apache.kafka.streams.state.KeyValueStore<String, RegistryVersions> versioned(String name) {
        return driver.getKeyValueStore(name);
    }

    /**
     * Every object let go so far, in order: the deletion requests on {@code object-deletions}, each checked against
     * its schema and keyed by its object key.
     */
    List<ObjectRef> discarded() {
        for (TestRecord<String, byte[]> record : deletionsOut.readRecordsToList()) {
            assertConforms(ContractSchemas.DELETION_V1, record.value());
            ObjectDeletion deletion = JsonSerde.deletions().deserializer().deserialize(Topics.OBJECT_DELETIONS,
                    record.value());
            assertThat(record.key()).isEqualTo(deletion.object().key());
            discarded.add(deletion.object());
            deletions.add(deletion);
        }
        return List.copyOf(discarded);
    }

    /** Every deletion request so far, whole: an upload session's say which multipart upload to abort. */
    List<ObjectDeletion> deletionRequests() {
        discarded();
        return List.copyOf(deletions);
    }

    /** The audit entries written since the last call, as their bytes (the Merkle leaves), each checked. */
    List<byte[]> auditEntries() {
        List<byte[]> entries = new ArrayList<>();
        for (TestRecord<String, byte[]> raw : driver.createOutputTopic(Topics.ATTACHMENT_AUDIT,
                new StringDeserializer(), new ByteArrayDeserializer()).readRecordsToList()) {
            assertConforms(ContractSchemas.AUDIT_ENTRY_V1, raw.value());
            entries.add(raw.value());
        }
        return entries;
    }

    /** The checkpoints signed since the last call, each checked against its schema. */
    List<dev.attache.schemas.audit.AuditCheckpoint> checkpoints() {
        List<dev.attache.schemas.audit.AuditCheckpoint> checkpoints = new ArrayList<>();
        for (TestRecord<String, byte[]> raw : driver.createOutputTopic(Topics.AUDIT_CHECKPOINTS,
                new StringDeserializer(), new ByteArrayDeserializer()).readRecordsToList()) {
            assertConforms(ContractSchemas.CHECKPOINT_V1, raw.value());
            checkpoints.add(new JsonSerde<>(dev.attache.schemas.audit.AuditCheckpoint.class).deserializer()
                    .deserialize(Topics.AUDIT_CHECKPOINTS, raw.value()));
        }
        return checkpoints;
    }

    /** Records on {@code upload-sessions}, tombstones included (null values), each checked against its schema. */
    List<TestRecord<String, UploadSession>> sessions() {
        List<TestRecord<String, UploadSession>> records = new ArrayList<>();
        for (TestRecord<String, byte[]> raw : driver.createOutputTopic(Topics.UPLOAD_SESSIONS,
                new StringDeserializer(), new ByteArrayDeserializer()).readRecordsToList()) {
            if (raw.value() != null) {
                assertConforms(ContractSchemas.SESSION_V1, raw.value());
            }
            records.add(new TestRecord<>(raw.key(), raw.value() == null ? null : JsonSerde.sessions().deserializer()
                    .deserialize(Topics.UPLOAD_SESSIONS, raw.value()), raw.headers(), raw.getRecordTime()));
        }
        return records;
    }

    /** Records on {@code attachments}, tombstones included (null values). */
    List<TestRecord<String, AttachmentRecord>> attachments() {
        List<TestRecord<String, AttachmentRecord>> records = driver.createOutputTopic(Topics.ATTACHMENTS,
                new StringDeserializer(), JsonSerde.records()).readRecordsToList();
        records.stream().filter(record -> record.value() != null).forEach(record -> assertConforms(
                ContractSchemas.RECORD_V1, JsonSerde.records().serialize(Topics.ATTACHMENTS, record.value())));
        return records;
    }

    /**
     * Records on {@code calendar-events} written by the processor (the test driver records only outputs, not what a
     * test pipes in), tombstones included.
     */
    List<TestRecord<String, CalendarEvent>> calendarEvents() {
        List<TestRecord<String, CalendarEvent>> records = new ArrayList<>();
        for (TestRecord<String, byte[]> raw : eventsOut.readRecordsToList()) {
            if (raw.value() != null) {
                assertConforms(ContractSchemas.EVENT_V1, raw.value());
            }
            records.add(new TestRecord<>(raw.key(), new CalendarEventSerde().deserialize(Topics.CALENDAR_EVENTS,
                    raw.value()), raw.headers(), raw.getRecordTime()));
        }
        return records;
    }

    /** Replies as the requester reads them: raw bytes checked against the schema, then parsed. */
    List<TestRecord<String, AttachmentReply>> replies() {
        TestOutputTopic<String, byte[]> topic = driver.createOutputTopic(Topics.ATTACHMENT_REPLIES,
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TestRecord<String, AttachmentReply>> replies = new ArrayList<>();
        for (TestRecord<String, byte[]> raw : topic.readRecordsToList()) {
            assertConforms(ContractSchemas.REPLY_V1, raw.value());
            replies.add(new TestRecord<>(raw.key(), JsonSerde.replies().deserialize(Topics.ATTACHMENT_REPLIES,
                    raw.value()), raw.headers(), raw.getRecordTime()));
        }
        return replies;
    }

    /** The one reply since the last read. */
    AttachmentReply reply() {
        List<TestRecord<String, AttachmentReply>> replies = replies();
        assertThat(replies).hasSize(1);
        return replies.get(0).value();
    }

    static void assertConforms(String schema, byte[] json) {
        try {
            assertThat(ContractSchemas.violations(schema, ContractJson.MAPPER.readTree(json))).isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    KeyValueStore<String, AttachmentRecord> store() {
        return driver.getKeyValueStore(AttachmentTopology.ATTACHMENTS_STORE);
    }

    KeyValueStore<String, CalendarEvent> eventsStore() {
        return driver.getKeyValueStore(AttachmentTopology.EVENTS_STORE);
    }

    List<KeyValue<String, AttachmentRecord>> storedForEvent(String tenant, String event) {
        List<KeyValue<String, AttachmentRecord>> found = new ArrayList<>();
        try (KeyValueIterator<String, AttachmentRecord> it = store().prefixScan(
                AttachmentKeys.eventPrefix(tenant, event), new StringSerializer())) {
            it.forEachRemaining(found::add);
        }
        return found;
    }

    double counted(String outcome) {
        return registry.get(CommandOutcomes.METER).tag("outcome", outcome).counter().count();
    }

    /** Each record on {@code attachments} as partition-independent bytes: key, value and timestamp. */
    List<String> rawAttachments() {
        HexFormat hex = HexFormat.of();
        return driver.createOutputTopic(Topics.ATTACHMENTS, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                .readRecordsToList().stream()
                .map(r -> hex.formatHex(r.key()) + ' ' + (r.value() == null ? "-" : hex.formatHex(r.value())) + ' '
                        + r.timestamp())
                .toList();
    }
}
