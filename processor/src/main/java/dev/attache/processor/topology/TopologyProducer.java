package dev.attache.processor.topology;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.apache.kafka.streams.Topology;

import io.micrometer.core.instrument.MeterRegistry;

import dev.attache.processor.audit.AuditConfig;

/** Hands the topology to the Kafka Streams extension, which configures, starts and stops it. */
@ApplicationScoped
public class TopologyProducer {

    @Produces
    public Topology buildTopology(ProcessorConfig config, AuditConfig audit, MeterRegistry registry) {
        return AttachmentTopology.build(Pattern.compile(config.replyTopics()), new CommandOutcomes(registry),
                audit.settings());
    }
}
