package dev.attache.ingest.command;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.attache.schemas.attachment.AttachmentReply;
import dev.attache.schemas.kafka.JsonSerde;
import dev.attache.schemas.kafka.ReplyHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;

/**
 * Reads every partition of the replies topic, {@code read_committed}, and completes the request waiting for each
 * reply. Every instance reads all replies and keeps its own, so instances need no coordination; the consumer is
 * assigned partitions directly (no consumer group to join, nothing to commit) and starts at the end.
 *
 * <p>A request registers its correlation id <em>before</em> its command is sent, so no reply can arrive unexpected.
 * (SmallRye's {@code KafkaRequestReply} stalled here when other instances' replies were interleaved with ours: see
 * docs/architecture.md, "Request-reply".)
 *
 * <p>The loop never ends on its own: a failure (the broker unreachable at start-up, refused credentials, a consumer in
 * a bad state) is counted and retried with back-off on a new consumer, which resumes where the old one was, so no
 * reply is skipped; a record that is not a reply is skipped and counted. {@link ListenerHealth} turns that into
 * readiness and liveness.
 */
@Startup
@ApplicationScoped
public class ReplyListener {

    private static final Logger LOG = Logger.getLogger(ReplyListener.class);
    private static final Duration PARTITION_REFRESH = Duration.ofSeconds(30);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final Map<String, CompletableFuture<AttachmentReply>> pending = new ConcurrentHashMap<>();
    private final CountDownLatch positioned = new CountDownLatch(1);
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final Deserializer<AttachmentReply> replies = JsonSerde.replies().deserializer();
    /** Where each partition was read up to, so a replacement consumer misses nothing. */
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private final Map<String, Object> kafka;
    private final String topic;
    private final ListenerHealth health;
    private final Counter skipped;
    private final Counter failures;
    private final Thread thread;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running = true;

    ReplyListener(@Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "attache.ingest.replies-topic") String topic,
            @ConfigProperty(name = "attache.ingest.reply-listener-stuck-after") Duration stuckAfter,
            MeterRegistry registry) {
        this.kafka = Map.copyOf(kafka);
        this.topic = topic;
        this.health = new ListenerHealth(stuckAfter, System::nanoTime);
        this.skipped = Counter.builder("attache.ingest.reply.records.skipped")
                .description("Records on the replies topic that were not replies (skipped)").register(registry);
        this.failures = Counter.builder("attache.ingest.reply.listener.failures")
                .description("Failures of the reply listener's consumer (each retried)").register(registry);
        this.thread = new Thread(this::run, "attache-reply-listener");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Registers a request; call before sending its command. */
    CompletableFuture<AttachmentReply> expect(String correlationId) {
        CompletableFuture<AttachmentReply> reply = new CompletableFuture<>();
        pending.put(correlationId, reply);
        return reply;
    }

    /** Drops a request that will not wait any longer. */
    void forget(String correlationId) {
        pending.remove(correlationId);
    }

    /** Whether replies are being received (readiness). */
    public boolean isReady() {
        return health.ready() && thread.isAlive();
    }

    /** Whether the listener can still recover by itself (liveness): it runs and has polled lately. */
    public boolean isLive() {
        return health.live() && thread.isAlive();
    }

    /** The last failure, for the health check's data; null when there was none. */
    public String lastFailure() {
        return health.lastFailure();
    }

    /** Waits until replies can be received; a command sent before could have its reply missed. */
    boolean awaitPositioned(Duration timeout) throws InterruptedException {
        return positioned.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && isReady();
    }

    public String topic() {
        return topic;
    }

    private void run() {
        Duration backoff = FIRST_BACKOFF;
        long nextRefresh = 0;
        try {
            while (running) {
                try {
                    if (consumer == null) {
                        consumer = newConsumer();
                        nextRefresh = 0;
                    }
                    if (System.nanoTime() - nextRefresh >= 0) {
                        assignAll();
                        nextRefresh = System.nanoTime() + PARTITION_REFRESH.toNanos();
                    }
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        complete(record);
                    }
                    rememberPositions();
                    health.polled();
                    backoff = FIRST_BACKOFF;
                } catch (WakeupException e) {
                    // stop() woke the poll; the loop condition decides
                } catch (RuntimeException e) {
                    failures.increment();
                    if (e instanceof RetriableException) {
                        health.unreachable(e); // the broker away: retrying is all there is to do
                    } else {
                        health.failed(e);
                    }
                    LOG.warnf("Reply listener failed (%d in a row), retrying in %d ms with a new consumer: %s",
                            health.consecutiveFailures(), backoff.toMillis(), e.toString());
                    closeConsumer();
                    pause(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF
                            : backoff.multipliedBy(2);
                }
            }
        } finally {
            health.stopped();
            closeConsumer();
        }
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        Map<String, Object> config = new HashMap<>(kafka);
        // A reply exists for us only once the processor's transaction holding the record has committed.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "attache-ingest-replies-" + UUID.randomUUID());
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        // bytes: a record that is not a reply is skipped here, not thrown out of poll()
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Assigns every partition of the topic (it may have grown): where this listener had read to for the ones it knew,
     * the end for all of them at the first positioning, the start for ones that appear later.
     */
    private void assignAll() {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        if (partitions.isEmpty() || consumer.assignment().containsAll(partitions)) {
            return;
        }
        positions.keySet().retainAll(partitions);
        consumer.assign(partitions);
        List<TopicPartition> added = partitions.stream().filter(p -> !positions.containsKey(p)).toList();
        positions.forEach(consumer::seek);
        if (health.isPositioned()) {
            // a partition the topic grew while this listener ran: replies may be there already
            consumer.seekToBeginning(added);
        } else {
            consumer.seekToEnd(added);
        }
        partitions.forEach(consumer::position); // resolve the end offsets now, not lazily at a later poll
        rememberPositions();
        health.positioned();
        positioned.countDown();
    }

    private void rememberPositions() {
        for (TopicPartition partition : consumer.assignment()) {
            positions.put(partition, consumer.position(partition));
        }
    }

    private void complete(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(ReplyHeaders.CORRELATION_ID);
        if (header == null || header.value() == null || record.value() == null) {
            return;
        }
        CompletableFuture<AttachmentReply> waiting = pending.remove(new String(header.value(),
                StandardCharsets.UTF_8));
        AttachmentReply reply;
        try {
            reply = replies.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            skipped.increment();
            LOG.warnf("Skipped a record that is not a reply at %s-%d offset %d: %s", record.topic(),
                    record.partition(), record.offset(), e.toString());
            if (waiting != null) {
                // its request cannot be answered from this record; it answers as if the reply were late
                waiting.completeExceptionally(e);
            }
            return;
        }
        if (waiting != null) {
            waiting.complete(reply);
        }
    }

    private void closeConsumer() {
        KafkaConsumer<String, byte[]> closing = consumer;
        consumer = null;
        if (closing != null) {
            try {
                closing.close(Duration.ofSeconds(1));
            } catch (RuntimeException e) {
                LOG.debugf("Closing the reply consumer: %s", e.toString());
            }
        }
    }

    /** Back-off between attempts to reach the broker; ends early when the listener is stopped. */
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
        pending.values().forEach(r -> r.cancel(false));
    }
}
