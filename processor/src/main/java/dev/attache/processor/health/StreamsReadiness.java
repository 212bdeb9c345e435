package dev.attache.processor.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the streams run and no store is restoring (see {@link StreamsHealth#readiness}). */
@Readiness
@ApplicationScoped
public class StreamsReadiness implements HealthCheck {

    private final KafkaStreams streams;
    private final RestoreTracker restores;

    public StreamsReadiness(KafkaStreams streams, RestoreTracker restores) {
        this.streams = streams;
        this.restores = restores;
    }

    @Override
    public HealthCheckResponse call() {
        return StreamsHealth.readiness(streams.state(), restores.restoring());
    }
}
