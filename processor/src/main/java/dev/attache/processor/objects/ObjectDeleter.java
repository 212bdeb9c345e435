package dev.attache.processor.objects;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import dev.attache.processor.topology.ProcessorConfig;
import dev.attache.schemas.attachment.ObjectDeletion;
import dev.attache.schemas.kafka.JsonSerde;
import dev.attache.schemas.kafka.KafkaAccess;
import dev.attache.schemas.kafka.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.errors.ErrorResponseException;
import io.minio.RemoveObjectsArgs;
import io.minio.Result;
import io.minio.messages.DeleteError;
import io.minio.messages.DeleteObject;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;

/**
 * Carries out the deletion requests on {@code object-deletions} once their transactions committed: reads them
 * {@code read_committed} in its own group ({@value #GROUP}), deletes each poll's objects with one S3 DeleteObjects
 * call (at most 1,000 keys, S3's limit), and commits the offsets only when S3 has confirmed every delete. A failure
 * (S3 away, a key it refused) is retried with a bounded back-off from the same offsets, so no request is lost and
 * none is done twice on purpose; a delete repeated after a crash is harmless (deleting nothing is a success in S3).
 * Keys S3 answers but keeps refusing ({@value #MAX_REFUSED_ATTEMPTS} tries) are logged and left to the orphan sweep,
 * so that they do not hold up every delete behind them.
 * Requests outside the configured bucket are never carried out. A request with an {@code uploadId} aborts that
 * multipart upload (an upload session's) instead.
 */
@Startup
@ApplicationScoped
public class ObjectDeleter {

    static final String GROUP = KafkaAccess.PROCESSOR_PREFIX + "-object-deleter";
    private static final Logger LOG = Logger.getLogger(ObjectDeleter.class);
    private static final int MAX_KEYS = 1000;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** How often a batch S3 answers with refusals is tried before its refused keys are left to the sweep. */
    private static final int MAX_REFUSED_ATTEMPTS = 10;

    private final MinioClient s3;
    private final MinioAsyncClient s3Async;
    private final String bucket;
    private final Map<String, Object> kafka;
    private final Deserializer<ObjectDeletion> deletions = JsonSerde.deletions().deserializer();
    private final Counter deleted;
    private final Counter failures;
    private final Counter refused;
    private final Counter abandoned;
    private int refusedAttempts;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final Thread thread;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running = true;

    ObjectDeleter(MinioClient s3, MinioAsyncClient s3Async, S3Config config,
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            ProcessorConfig processor, MeterRegistry registry) {
        this.s3 = s3;
        this.s3Async = s3Async;
        this.bucket = config.bucket();
        this.kafka = Map.copyOf(kafka);
        this.deleted = Counter.builder("attache.processor.objects.deleted")
                .description("Objects deleted after the decision that let them go committed").register(registry);
        this.failures = Counter.builder("attache.processor.object.deletes.failed")
                .description("Batches of deletes S3 did not confirm (each retried)").register(registry);
        this.refused = Counter.builder("attache.processor.object.deletes.refused")
                .description("Deletion requests outside the payload bucket (never carried out)").register(registry);
        this.abandoned = Counter.builder("attache.processor.object.deletes.abandoned")
                .description("Deletes S3 kept refusing, left to the orphan sweep").register(registry);
        this.thread = new Thread(this::run, "attache-object-deleter");
        this.thread.setDaemon(true);
        if (processor.deleterEnabled()) {
            thread.start();
        }
    }

    private void run() {
        Duration backoff = FIRST_BACKOFF;
        try {
            while (running) {
                try {
                    if (consumer == null) {
                        consumer = newConsumer();
                    }
                    ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                    if (!records.isEmpty()) {
                        List<String> refusedKeys = deleteAll(records);
                        if (!refusedKeys.isEmpty() && ++refusedAttempts < MAX_REFUSED_ATTEMPTS) {
                            throw new IllegalStateException("S3 refused " + refusedKeys.size() + " deletes, e.g. "
                                    + refusedKeys.get(0));
                        }
                        if (!refusedKeys.isEmpty()) {
                            // S3 answers, and keeps refusing these: do not let them hold up every delete behind them
                            abandoned.increment(refusedKeys.size());
                            LOG.errorf("S3 refused to delete %d objects %d times; left for the sweep: %s",
                                    refusedKeys.size(), refusedAttempts, refusedKeys);
                        }
                        consumer.commitSync(nextOffsets(records));
                        refusedAttempts = 0;
                    }
                    backoff = FIRST_BACKOFF;
                } catch (WakeupException e) {
                    // stop() woke the poll
                } catch (RuntimeException e) {
                    failures.increment();
                    LOG.warnf("Deleting objects failed, retrying in %d ms from the same requests: %s",
                            backoff.toMillis(), e.toString());
                    closeConsumer(); // a new one resumes at the committed offsets: nothing skipped
                    pause(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF
                            : backoff.multipliedBy(2);
                }
            }
        } finally {
            closeConsumer();
        }
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, GROUP + "-" + UUID.randomUUID());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(MAX_KEYS));
        KafkaConsumer<String, byte[]> created = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer());
        created.subscribe(List.of(Topics.OBJECT_DELETIONS));
        return created;
    }

    /**
     * Deletes the objects of {@code records} in one call; answers the keys S3 refused (it answered, with an error for
     * each), and throws when S3 did not answer at all.
     */
    private List<String> deleteAll(ConsumerRecords<String, byte[]> records) {
        List<DeleteObject> objects = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            ObjectDeletion deletion;
            try {
                deletion = deletions.deserialize(record.topic(), record.value());
            } catch (RuntimeException e) {
                LOG.warnf("Skipping a record that is not a deletion request at %s-%d offset %d: %s", record.topic(),
                        record.partition(), record.offset(), e.toString());
                continue;
            }
            if (deletion == null || deletion.object() == null) {
                continue;
            }
            if (!bucket.equals(deletion.object().bucket())) {
                // only the processor writes these, but a request must never steer deletes outside our bucket
                refused.increment();
                LOG.warnf("Not deleting %s/%s: not in bucket %s", deletion.object().bucket(),
                        deletion.object().key(), bucket);
                continue;
            }
            if (deletion.uploadId() != null) {
                abortUpload(deletion);
                continue;
            }
            objects.add(new DeleteObject(deletion.object().key()));
        }
        if (objects.isEmpty()) {
            return List.of();
        }
        List<String> errors = new ArrayList<>();
        for (Result<DeleteError> result : s3.removeObjects(RemoveObjectsArgs.builder().bucket(bucket)
                .objects(objects).build())) {
            try {
                DeleteError error = result.get();
                if (!"NoSuchKey".equals(error.code())) {
                    errors.add(error.objectName() + ": " + error.code());
                }
            } catch (Exception e) {
                throw new IllegalStateException("S3 did not answer the delete of " + objects.size() + " objects", e);
            }
        }
        deleted.increment(objects.size() - errors.size());
        return errors;
    }

    /**
     * Aborts an upload session's multipart upload. One that is gone already (completed, aborted) is a success; a
     * failure is thrown, to be retried from the same offsets like a failed delete.
     */
    private void abortUpload(ObjectDeletion deletion) {
        try {
            s3Async.abortMultipartUploadAsync(bucket, null, deletion.object().key(), deletion.uploadId(), null, null)
                    .get();
            deleted.increment();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ErrorResponseException refused
                    && "NoSuchUpload".equals(refused.errorResponse().code())) {
                return;
            }
            throw new IllegalStateException("S3 did not abort the multipart upload of " + deletion.object().key(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted aborting a multipart upload", e);
        } catch (Exception e) {
            throw new IllegalStateException("S3 did not abort the multipart upload of " + deletion.object().key(), e);
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> inPartition = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(inPartition.get(inPartition.size() - 1).offset() + 1));
        }
        return offsets;
    }

    private void closeConsumer() {
        KafkaConsumer<String, byte[]> closing = consumer;
        consumer = null;
        if (closing != null) {
            try {
                closing.close(Duration.ofSeconds(1));
            } catch (RuntimeException e) {
                LOG.debugf("Closing the deleter's consumer: %s", e.toString());
            }
        }
    }

    private void pause(Duration backoff) {
        try {
            stopping.await(backoff.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        stopping.countDown();
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }
}
