package dev.attache.processor.objects;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.attache.processor.rules.OrphanRules;
import dev.attache.processor.rules.OrphanRules.Verdict;
import dev.attache.schemas.attachment.AttachmentRecord;
import dev.attache.schemas.kafka.JsonSerde;
import dev.attache.schemas.kafka.KafkaAccess;
import dev.attache.schemas.kafka.Topics;
import dev.attache.schemas.session.UploadSession;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.minio.ListObjectsArgs;
import io.minio.messages.ListMultipartUploadsResult;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.RemoveObjectsArgs;
import io.minio.Result;
import io.minio.messages.DeleteError;
import io.minio.messages.DeleteObject;
import io.minio.messages.Item;
import io.smallrye.common.annotation.Identifier;

/**
 * Finds and deletes the objects nobody will ever need ({@link OrphanRules}): those a request wrote before dying short
 * of its append, and those whose delete was lost. What it compares:
 *
 * <ul>
 *   <li>the objects, as the bucket lists them (key, last modified);</li>
 *   <li>the live ones: every object a committed record on the compacted {@code attachments} topic references, read to
 *       its end {@code read_committed};</li>
 *   <li>how far the processor has got: the append time of the first command of each partition its group has not
 *       committed yet (now, where it is caught up) — read before the records, so every command processed before it
 *       has its record in what is read next.</li>
 * </ul>
 *
 * One sweep at a time per instance; runnable on demand ({@code POST /internal/sweep}) and on a schedule
 * ({@link SweepSchedule}).
 */
@ApplicationScoped
public class OrphanSweeper {

    private static final Logger LOG = Logger.getLogger(OrphanSweeper.class);
    private static final int MAX_KEYS = 1000;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final MinioClient s3;
    private final MinioAsyncClient s3Async;
    private final String group;
    private final String bucket;
    private final Map<String, Object> kafka;
    private final OrphanRules.Limits limits;
    private final Clock clock;
    private final Counter swept;
    private final ReentrantLock running = new ReentrantLock();

    OrphanSweeper(MinioClient s3, MinioAsyncClient s3Async, S3Config s3Config, SweepConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "quarkus.kafka-streams.application-id") String group, MeterRegistry registry) {
        this.s3 = s3;
        this.s3Async = s3Async;
        this.group = group;
        this.bucket = s3Config.bucket();
        this.kafka = Map.copyOf(kafka);
        this.limits = new OrphanRules.Limits(config.grace(), config.appendSlack());
        this.clock = Clock.systemUTC();
        this.swept = Counter.builder("attache.processor.sweep.orphans.deleted")
                .description("Orphaned objects the sweep deleted").register(registry);
    }

    /**
     * Sweeps the bucket once; with {@code dryRun} it only counts.
     *
     * @throws IllegalStateException when a sweep is already running on this instance
     */
    public SweepReport sweep(boolean dryRun) {
        if (!running.tryLock()) {
            throw new IllegalStateException("a sweep is already running");
        }
        try {
            Instant now = clock.instant();
            long started = System.nanoTime();
            Progress progress = progress(now);
            Instant processedUntil = progress.processedUntil();
            Live live = live(progress.recordsUpTo(), now);
            Map<Verdict, Integer> counts = new HashMap<>();
            List<String> orphans = new ArrayList<>();
            for (Result<Item> listed : s3.listObjects(ListObjectsArgs.builder().bucket(bucket).recursive(true)
                    .build())) {
                Item item = listed.get();
                Verdict verdict = OrphanRules.verdict(item.lastModified().toInstant(),
                        live.object(item.objectName()), processedUntil, now, limits);
                counts.merge(verdict, 1, Integer::sum);
                if (verdict == Verdict.ORPHAN) {
                    orphans.add(item.objectName());
                }
            }
            int deleted = (dryRun ? 0 : delete(orphans)) + sweepUploads(live, processedUntil, now, dryRun, counts);
            swept.increment(deleted);
            SweepReport report = new SweepReport(dryRun, now, processedUntil,
                    counts.values().stream().mapToInt(Integer::intValue).sum(), counts.getOrDefault(Verdict.LIVE, 0),
                    counts.getOrDefault(Verdict.TOO_YOUNG, 0), counts.getOrDefault(Verdict.AWAITING_PROCESSOR, 0),
                    orphans.size(), deleted, Duration.ofNanos(System.nanoTime() - started).toMillis());
            LOG.infof("Sweep: %s", report);
            return report;
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("The sweep failed: " + e, e);
        } finally {
            running.unlock();
        }
    }

    /**
     * How far the processor has got: every command appended before {@code processedUntil} has been processed; and
     * the high watermark of each {@code attachments} partition right after, below which every record of those
     * commands lies (committed, though perhaps not yet readable: see {@link #liveObjects}).
     */
    record Progress(Instant processedUntil, Map<TopicPartition, Long> recordsUpTo) {
    }

    private Progress progress(Instant now) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed;
        Map<TopicPartition, Long> highWatermarks = new HashMap<>();
        try (Admin admin = Admin.create(kafka)) {
            committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(READ_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            // read_uncommitted ends: they cover the records of transactions whose offsets were just read, even where
            // their commit markers have not been written yet
            try (KafkaConsumer<String, byte[]> uncommitted = consumer("read_uncommitted")) {
                highWatermarks.putAll(uncommitted.endOffsets(partitions(uncommitted, Topics.ATTACHMENTS)));
                highWatermarks.putAll(uncommitted.endOffsets(partitions(uncommitted, Topics.UPLOAD_SESSIONS)));
            }
        }
        try (KafkaConsumer<String, byte[]> consumer = consumer("read_committed")) {
            List<TopicPartition> partitions = partitions(consumer, Topics.ATTACHMENT_COMMANDS);
            consumer.assign(partitions);
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Set<TopicPartition> behind = new HashSet<>();
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata offset = committed.get(partition);
                // ingest-api appends without transactions: no marker follows the last command, caught up is the end;
                // no committed offset means nothing of the partition was processed yet
                long next = Math.max(offset == null ? 0 : offset.offset(), starts.get(partition));
                if (next < ends.get(partition)) {
                    consumer.seek(partition, next);
                    behind.add(partition);
                } else {
                    consumer.pause(List.of(partition));
                }
            }
            Instant until = now;
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (!behind.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read the unprocessed commands of " + behind);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (behind.remove(partition)) {
                        Instant appended = Instant.ofEpochMilli(record.timestamp());
                        until = appended.isBefore(until) ? appended : until;
                        consumer.pause(List.of(partition));
                    }
                }
            }
            return new Progress(until, highWatermarks);
        }
    }

    /**
     * What is live: the keys of the objects the committed attachment records reference, the remainders of the open
     * upload sessions and their multipart uploads. Every partition of both topics is read {@code read_committed} at
     * least up to {@code upTo}: reading past a high watermark taken after the group's offsets waits for the commit
     * markers of the transactions those offsets belong to, so no processed command's record is missed.
     */
    private Live live(Map<TopicPartition, Long> upTo, Instant now) {
        Map<String, String> objectOf = latest(Topics.ATTACHMENTS, upTo, (topic, value) -> {
            AttachmentRecord attachment = JsonSerde.records().deserializer().deserialize(topic, value);
            return attachment == null || attachment.object() == null ? null : attachment.object().key();
        });
        Map<String, UploadSession> sessions = latest(Topics.UPLOAD_SESSIONS, upTo,
                (topic, value) -> JsonSerde.sessions().deserializer().deserialize(topic, value));
        Set<String> objects = new HashSet<>(objectOf.values());
        Set<String> uploads = new HashSet<>();
        for (UploadSession session : sessions.values()) {
            // A session past its expiry (and the grace) is nobody's, even while its record waits for the next
            // command of its partition to be dropped: its bytes go.
            if (Instant.parse(session.expiresAt()).plus(limits.grace()).isBefore(now)) {
                continue;
            }
            uploads.add(session.uploadId());
            // its object, once a front completed the upload: the attachment's, until its record is there
            objects.add(session.objectKey());
            if (session.remainder() != null) {
                objects.add(session.remainder().key());
            }
        }
        return new Live(objects, uploads);
    }

    /**
     * The objects and multipart uploads in use.
     *
     * @param uploads the upload ids of open sessions; an object whose key contains one is a store's own record of
     *     that upload (S3Proxy on a file system keeps its parts as objects such as {@code .mpus-<uploadId>-…})
     */
    record Live(Set<String> objects, Set<String> uploads) {

        boolean object(String key) {
            return objects.contains(key) || uploads.stream().anyMatch(key::contains);
        }
    }

    /** The latest value per key of a compacted topic, read as {@link #live} says; tombstones remove. */
    private <V> Map<String, V> latest(String topic, Map<TopicPartition, Long> upTo,
            BiFunction<String, byte[], V> read) {
        Map<String, V> latest = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer("read_committed")) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
            upTo.forEach((partition, offset) -> ends.computeIfPresent(partition, (p, end) -> Math.max(end, offset)));
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos() * 10;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    V value = record.value() == null ? null : read.apply(record.topic(), record.value());
                    if (value == null) {
                        latest.remove(record.key());
                    } else {
                        latest.put(record.key(), value);
                    }
                }
            }
        }
        return latest;
    }

    /**
     * Aborts the multipart uploads no open session owns, judged as objects are (initiated = written). A store that
     * cannot list them (S3Proxy on a file system answers 501) keeps their parts as objects, swept above.
     */
    private int sweepUploads(Live live, Instant processedUntil, Instant now, boolean dryRun,
            Map<Verdict, Integer> counts) {
        List<io.minio.messages.Upload> orphans = new ArrayList<>();
        try {
            String keyMarker = null;
            String idMarker = null;
            boolean more = true;
            while (more) {
                ListMultipartUploadsResult page = s3Async.listMultipartUploadsAsync(bucket, null, null, null,
                        keyMarker, MAX_KEYS, null, idMarker, null, null).get().result();
                for (io.minio.messages.Upload upload : page.uploads()) {
                    Verdict verdict = OrphanRules.verdict(upload.initiated().toInstant(),
                            live.uploads().contains(upload.uploadId()), processedUntil, now, limits);
                    counts.merge(verdict, 1, Integer::sum);
                    if (verdict == Verdict.ORPHAN) {
                        orphans.add(upload);
                    }
                }
                more = page.isTruncated();
                keyMarker = page.nextKeyMarker();
                idMarker = page.nextUploadIdMarker();
            }
        } catch (Exception e) {
            LOG.debugf("Multipart uploads not listed (%s); a store that cannot list them shows their parts as objects",
                    e.toString());
            return 0;
        }
        int aborted = 0;
        for (io.minio.messages.Upload upload : dryRun ? List.<io.minio.messages.Upload>of() : orphans) {
            try {
                s3Async.abortMultipartUploadAsync(bucket, null, upload.objectName(), upload.uploadId(), null, null)
                        .get();
                aborted++;
            } catch (Exception e) {
                LOG.warnf("Sweep could not abort the multipart upload %s of %s: %s", upload.uploadId(),
                        upload.objectName(), e.toString());
            }
        }
        return aborted;
    }

    private int delete(List<String> keys) throws Exception {
        int deleted = 0;
        for (int from = 0; from < keys.size(); from += MAX_KEYS) {
            List<DeleteObject> batch = keys.subList(from, Math.min(keys.size(), from + MAX_KEYS)).stream()
                    .map(DeleteObject::new).toList();
            int failed = 0;
            for (Result<DeleteError> error : s3.removeObjects(RemoveObjectsArgs.builder().bucket(bucket)
                    .objects(batch).build())) {
                DeleteError refused = error.get();
                if (!"NoSuchKey".equals(refused.code())) {
                    failed++;
                    LOG.warnf("Sweep could not delete %s: %s", refused.objectName(), refused.code());
                }
            }
            deleted += batch.size() - failed;
        }
        return deleted;
    }

    private KafkaConsumer<String, byte[]> consumer(String isolation) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, KafkaAccess.PROCESSOR_PREFIX + "-sweep-" + UUID.randomUUID());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        // a position the log no longer has is read from its start, never skipped to the end
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic, READ_TIMEOUT).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
    }
}
