package dev.attache.processor.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Replaces the extension's liveness check (disabled with {@code quarkus.kafka-streams.health.enabled=false}), which
 * is DOWN while the streams wait for their topics and so would have Kubernetes restart a processor that only waits
 * for Kafka.
 */
@Liveness
@ApplicationScoped
public class StreamsLiveness implements HealthCheck {

    private final KafkaStreams streams;

    public StreamsLiveness(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public HealthCheckResponse call() {
        return StreamsHealth.liveness(streams.state());
    }
}
