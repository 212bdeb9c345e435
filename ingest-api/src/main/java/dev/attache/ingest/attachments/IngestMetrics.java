package dev.attache.ingest.attachments;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import dev.attache.schemas.attachment.AttachmentRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The pipeline's own meters, next to Quarkus' {@code http_server_requests} (requests by status):
 * bytes ingested, attachments by type, and how long the processor's reply takes.
 */
@ApplicationScoped
public class IngestMetrics {

    private final MeterRegistry registry;
    private final Counter bytes;
    private final Timer replyLatency;

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.bytes = Counter.builder("attache.ingest.bytes")
                .description("Bytes of attachment content stored and committed")
                .baseUnit("bytes")
                .register(registry);
        this.replyLatency = Timer.builder("attache.ingest.reply.latency")
                .description("From appending a command to reading its committed reply")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry);
    }

    void ingested(AttachmentRecord record) {
        bytes.increment(record.object().length());
        registry.counter("attache.ingest.attachments", "type", record.odataType().substring(17)).increment();
    }

    void replyLatency(long nanos) {
        replyLatency.record(nanos, TimeUnit.NANOSECONDS);
    }
}
