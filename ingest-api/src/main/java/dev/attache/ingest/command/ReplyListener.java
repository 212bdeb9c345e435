package dev.attache.ingest.command;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.attache.schemas.attachment.AttachmentReply;
import dev.attache.schemas.kafka.ReplyHeaders;
import dev.attache.schemas.kafka.ReplySerde;
import io.quarkus.runtime.Startup;

/**
 * Reads every partition of the replies topic, {@code read_committed}, and completes the request waiting for each
 * reply. Every instance reads all replies and keeps its own, so instances need no coordination; the consumer is
 * assigned partitions directly (no consumer group to join, nothing to commit) and starts at the end.
 *
 * <p>A request registers its correlation id <em>before</em> its command is sent, so no reply can arrive unexpected.
 * (SmallRye's {@code KafkaRequestReply} stalled here when other instances' replies were interleaved with ours: see
 * docs/architecture.md, "Request-reply".)
 */
@Startup
@ApplicationScoped
public class ReplyListener {

    private static final Logger LOG = Logger.getLogger(ReplyListener.class);
    private static final Duration PARTITION_REFRESH = Duration.ofSeconds(30);

    private final Map<String, CompletableFuture<AttachmentReply>> pending = new ConcurrentHashMap<>();
    private final CountDownLatch positioned = new CountDownLatch(1);
    private final KafkaConsumer<String, AttachmentReply> consumer;
    private final String topic;
    private final Thread thread;
    private volatile boolean running = true;

    ReplyListener(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "attache.ingest.replies-topic") String topic) {
        this.topic = topic;
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // A reply exists for us only once the processor's transaction holding the record has committed.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "attache-ingest-replies-" + UUID.randomUUID());
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ReplySerde());
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

    /** Whether the listener reads the replies topic from a known position (readiness). */
    public boolean isPositioned() {
        return positioned.getCount() == 0 && thread.isAlive();
    }

    /** Waits until replies can be received; a command sent before could have its reply missed. */
    boolean awaitPositioned(Duration timeout) throws InterruptedException {
        return positioned.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public String topic() {
        return topic;
    }

    private void run() {
        long nextRefresh = 0;
        try {
            while (running) {
                if (System.currentTimeMillis() >= nextRefresh) {
                    assignAll();
                    nextRefresh = System.currentTimeMillis() + PARTITION_REFRESH.toMillis();
                }
                for (ConsumerRecord<String, AttachmentReply> record : consumer.poll(Duration.ofMillis(100))) {
                    complete(record);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.errorf(e, "The reply listener stopped; this instance is no longer ready");
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Assigns every partition of the topic (it may have grown), new ones from their end. */
    private void assignAll() {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        if (partitions.isEmpty() || consumer.assignment().containsAll(partitions)) {
            return;
        }
        List<TopicPartition> added = partitions.stream().filter(p -> !consumer.assignment().contains(p)).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(added);
        added.forEach(consumer::position); // resolve the end offsets now, not lazily at a later poll
        positioned.countDown();
    }

    private void complete(ConsumerRecord<String, AttachmentReply> record) {
        Header header = record.headers().lastHeader(ReplyHeaders.CORRELATION_ID);
        if (header == null || record.value() == null) {
            return;
        }
        CompletableFuture<AttachmentReply> reply = pending.remove(new String(header.value(),
                java.nio.charset.StandardCharsets.UTF_8));
        if (reply != null) {
            reply.complete(record.value());
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        consumer.wakeup();
        pending.values().forEach(r -> r.cancel(false));
    }
}
