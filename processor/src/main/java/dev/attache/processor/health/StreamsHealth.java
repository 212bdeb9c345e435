package dev.attache.processor.health;

import java.util.Set;

import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/** How the Kafka Streams state maps to liveness and readiness; pure, so it is tested alone. */
final class StreamsHealth {

    static final String NAME = "Kafka Streams";

    private StreamsHealth() {
    }

    /**
     * Alive unless the streams are dead (a stream thread failed, or they shut down). Waiting for Kafka or its topics
     * (CREATED) is alive: a restart would not make a broker appear.
     */
    static HealthCheckResponse liveness(KafkaStreams.State state) {
        boolean dead = state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR
                || state == KafkaStreams.State.PENDING_SHUTDOWN || state == KafkaStreams.State.NOT_RUNNING;
        return HealthCheckResponse.named(NAME).status(!dead).withData("state", state.name()).build();
    }

    /**
     * Ready only when RUNNING with no store being restored: before that, replies to new commands would wait behind
     * a rebalance or a changelog replay.
     */
    static HealthCheckResponse readiness(KafkaStreams.State state, Set<String> restoring) {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named(NAME)
                .status(state == KafkaStreams.State.RUNNING && restoring.isEmpty())
                .withData("state", state.name());
        if (!restoring.isEmpty()) {
            builder.withData("restoring", String.join(",", restoring));
        }
        return builder.build();
    }
}
