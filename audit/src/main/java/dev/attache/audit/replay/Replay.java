package dev.attache.audit.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

import dev.attache.processor.audit.AuditSettings;
import dev.attache.processor.topology.AttachmentTopology;
import dev.attache.processor.topology.CommandOutcomes;
import dev.attache.processor.topology.TopologyTopics;
import dev.attache.schemas.kafka.KafkaAccess;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The processor's own topology, run from the first command in an application of its own: new application id (so
 * its own consumer group, changelogs and transactional ids), the live inputs, every output to shadow topics it
 * creates, no checkpoint signed. Nothing it writes is read by the live pipeline. {@link #close()} deletes all of it:
 * its topics, its internal topics, its group and its local state.
 */
public final class Replay implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);
    /** How far back from a partition's end its last record is looked for: past any run of commit markers. */
    private static final long TAIL = 1000;

    private final Admin admin;
    private final String applicationId;
    private final TopologyTopics topics;
    private final Map<TopicPartition, Long> inputEnds;
    private final Path stateDir;
    private final KafkaStreams streams;

    private Replay(Admin admin, String applicationId, TopologyTopics topics, Map<TopicPartition, Long> inputEnds,
            Path stateDir, KafkaStreams streams) {
        this.admin = admin;
        this.applicationId = applicationId;
        this.topics = topics;
        this.inputEnds = inputEnds;
        this.stateDir = stateDir;
        this.streams = streams;
    }

    /**
     * Starts a replay of the log as it is now: the commands and registry events up to their current ends (what was
     * appended later is not replayed).
     */
    public static Replay start(Map<String, Object> kafka) {
        String applicationId = KafkaAccess.AUDIT_PREFIX + UUID.randomUUID().toString().substring(0, 8);
        TopologyTopics topics = TopologyTopics.shadow(applicationId + "-");
        Admin admin = Admin.create(new HashMap<>(kafka));
        try {
            Map<TopicPartition, Long> ends = dataEnds(kafka, List.of(topics.commands(), topics.calendarEvents()));
            return start(kafka, admin, applicationId, topics, ends);
        } catch (RuntimeException e) {
            admin.close();
            throw e;
        }
    }

    /** Starts the application; on any failure, deletes the shadow topics made for it. */
    private static Replay start(Map<String, Object> kafka, Admin admin, String applicationId, TopologyTopics topics,
            Map<TopicPartition, Long> ends) {
        Path stateDir = null;
        try {
            createShadows(admin, topics);
            stateDir = Files.createTempDirectory(applicationId);
            Properties config = new Properties();
            config.putAll(kafka);
            config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
            config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
            config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
            config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
            config.put(StreamsConfig.consumerPrefix("max.poll.records"), 2000);
            // Streams keeps its members in the group on close (a restart should not rebalance); a replay that ends
            // leaves, so its group can be deleted at once
            config.put(StreamsConfig.consumerPrefix("internal.leave.group.on.close"), true);
            config.put(StreamsConfig.consumerPrefix("session.timeout.ms"), 10_000);
            KafkaStreams streams = new KafkaStreams(AttachmentTopology.build(topics, Pattern.compile(".*"),
                    new CommandOutcomes(new SimpleMeterRegistry()), AuditSettings.unsigned()), config);
            streams.start();
            return new Replay(admin, applicationId, topics, ends, stateDir, streams);
        } catch (IOException | RuntimeException e) {
            deleteOwnTopics(admin, applicationId);
            deleteQuietly(stateDir);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** Where the inputs' data ended when the replay started: what it replays, and nothing after. */
    public Map<TopicPartition, Long> inputEnds() {
        return Map.copyOf(inputEnds);
    }

    /**
     * Waits until the live processor (its consumer group) has committed up to {@code ends}, so the live side holds
     * everything the snapshot holds; false if it had not within {@code timeout}.
     */
    public boolean awaitLive(Map<TopicPartition, Long> ends, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Map<TopicPartition, OffsetAndMetadata> committed = get(admin.listConsumerGroupOffsets(
                    KafkaAccess.PROCESSOR_PREFIX).partitionsToOffsetAndMetadata());
            boolean caughtUp = ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                    || (committed.get(end.getKey()) != null
                            && committed.get(end.getKey()).offset() >= end.getValue()));
            if (caughtUp) {
                return true;
            }
            Utils.sleep(POLL.toMillis());
        }
        return false;
    }

    public TopologyTopics topics() {
        return topics;
    }

    /** How many input records the replay must process. */
    public long total() {
        return inputEnds.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Waits until the replay has committed every input record that existed when it started, reporting how many it
     * has; at most {@code timeout}. Answers its pace once under way: records per second from its first commit to
     * the last (the start-up before it, topic creation, store rebuilds and the group's first rebalance, is a fixed
     * cost whatever the log's length).
     */
    public double awaitCaughtUp(Duration timeout, LongConsumer progress) {
        Instant deadline = Instant.now().plus(timeout);
        Instant firstCommit = null;
        long atFirstCommit = 0;
        while (true) {
            if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING) {
                throw new IllegalStateException("The replay stopped: " + streams.state());
            }
            Map<TopicPartition, OffsetAndMetadata> committed = get(admin.listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata());
            long done = 0;
            boolean caughtUp = true;
            for (Map.Entry<TopicPartition, Long> end : inputEnds.entrySet()) {
                OffsetAndMetadata at = committed.get(end.getKey());
                long position = at == null ? 0 : Math.min(at.offset(), end.getValue());
                done += position;
                caughtUp &= position >= end.getValue();
            }
            progress.accept(done);
            if (firstCommit == null && done > 0) {
                firstCommit = Instant.now();
                atFirstCommit = done;
            }
            if (caughtUp) {
                long millis = firstCommit == null ? 0 : Duration.between(firstCommit, Instant.now()).toMillis();
                return millis == 0 ? Double.NaN : (done - atFirstCommit) * 1000.0 / millis;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The replay did not catch up within " + timeout);
            }
            Utils.sleep(POLL.toMillis());
        }
    }

    /** Stops the replay and deletes everything it made; each step runs whatever the one before did. */
    @Override
    public void close() {
        try {
            // leaving the group at once lets the group be deleted now, not after a session timeout
            streams.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(Duration.ofSeconds(30)));
            streams.cleanUp();
        } catch (RuntimeException e) {
            System.err.println("attache audit: the replay did not stop cleanly: " + e.getMessage());
        } finally {
            try {
                deleteOwnTopics(admin, applicationId);
                deleteGroup();
            } finally {
                admin.close();
                deleteQuietly(stateDir);
            }
        }
    }

    private static void deleteOwnTopics(Admin admin, String applicationId) {
        try {
            Set<String> own = get(admin.listTopics().names()).stream()
                    .filter(name -> name.startsWith(applicationId + "-")).collect(Collectors.toSet());
            get(admin.deleteTopics(own).all());
        } catch (RuntimeException e) {
            System.err.println("attache audit: the replay's topics " + applicationId + "-* were not all deleted: "
                    + e.getMessage());
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            Utils.delete(dir.toFile());
        } catch (IOException e) {
            // a temporary directory: the OS clears it
        }
    }

    /**
     * Deletes the replay's consumer group once the broker has seen its member leave (a rebalance in progress keeps it
     * "not empty" for a moment); a group still there after a minute is reported and left.
     */
    private void deleteGroup() {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            try {
                admin.deleteConsumerGroups(List.of(applicationId)).all().get(30, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.GroupNotEmptyException)
                        || Instant.now().isAfter(deadline)) {
                    System.err.println("attache audit: the replay's consumer group " + applicationId
                            + " was not deleted (" + e.getCause().getMessage() + "); kafka-consumer-groups --delete"
                            + " removes it");
                    return;
                }
                Utils.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (TimeoutException e) {
                System.err.println("attache audit: deleting the replay's consumer group " + applicationId
                        + " timed out");
                return;
            }
        }
    }

    private static void createShadows(Admin admin, TopologyTopics shadow) {
        TopologyTopics live = TopologyTopics.live();
        Map<String, TopicDescription> described = get(admin.describeTopics(List.of(live.commands())).allTopicNames());
        int partitions = described.get(live.commands()).partitions().size();
        List<NewTopic> topics = new ArrayList<>();
        for (String name : shadow.outputs()) {
            topics.add(new NewTopic(name, partitions, (short) -1));
        }
        get(admin.createTopics(topics).all());
    }

    /**
     * Where each input partition's data ends: one past its last committed record. Not the end offset: a partition
     * written in transactions ends with a commit marker, which no consumer ever processes or commits past.
     */
    private static Map<TopicPartition, Long> dataEnds(Map<String, Object> kafka, List<String> topicNames) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topicNames) {
                consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic,
                        info.partition())));
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> dataEnd = new HashMap<>();
            for (TopicPartition partition : partitions) {
                long from = Math.max(begin.get(partition), end.get(partition) - TAIL);
                consumer.seek(partition, from);
            }
            Instant deadline = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Could not read the inputs' last records in 60 s");
                }
                consumer.poll(POLL).forEach(record -> dataEnd.merge(new TopicPartition(record.topic(),
                        record.partition()), record.offset() + 1, Math::max));
            }
            // a partition without a record near its end has nothing to wait for (none, or only markers)
            partitions.forEach(partition -> dataEnd.putIfAbsent(partition, 0L));
            return dataEnd;
        }
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka admin call failed: " + e.getMessage(), e);
        }
    }
}
