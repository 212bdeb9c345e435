package dev.attache.processor.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams.State;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StreamsHealthTest {

    @ParameterizedTest
    @EnumSource(value = State.class, names = {"CREATED", "REBALANCING", "RUNNING"})
    void streamsThatRunOrWaitAreAlive(State state) {
        assertThat(StreamsHealth.liveness(state).getStatus()).isEqualTo(Status.UP);
    }

    @ParameterizedTest
    @EnumSource(value = State.class, names = {"PENDING_ERROR", "ERROR", "PENDING_SHUTDOWN", "NOT_RUNNING"})
    void deadStreamsAreNot(State state) {
        assertThat(StreamsHealth.liveness(state).getStatus()).isEqualTo(Status.DOWN);
    }

    @ParameterizedTest
    @EnumSource(value = State.class, names = "RUNNING", mode = EnumSource.Mode.EXCLUDE)
    void onlyRunningStreamsAreReady(State state) {
        assertThat(StreamsHealth.readiness(state, Set.of()).getStatus()).isEqualTo(Status.DOWN);
        assertThat(StreamsHealth.readiness(state, Set.of()).getData().orElseThrow()).containsEntry("state",
                state.name());
    }

    @Test
    void runningStreamsAreReadyOnceNothingRestores() {
        RestoreTracker restores = new RestoreTracker();
        TopicPartition changelog = new TopicPartition("attache-processor-attachments-store-changelog", 2);

        assertThat(StreamsHealth.readiness(State.RUNNING, restores.restoring()).getStatus()).isEqualTo(Status.UP);

        restores.onRestoreStart(changelog, "attachments-store", 0, 1_000);
        assertThat(StreamsHealth.readiness(State.RUNNING, restores.restoring()).getStatus()).isEqualTo(Status.DOWN);
        assertThat(StreamsHealth.readiness(State.RUNNING, restores.restoring()).getData().orElseThrow())
                .containsEntry("restoring", "attache-processor-attachments-store-changelog-2");

        restores.onBatchRestored(changelog, "attachments-store", 500, 500);
        assertThat(restores.restoring()).isNotEmpty();
        restores.onRestoreEnd(changelog, "attachments-store", 1_000);
        assertThat(StreamsHealth.readiness(State.RUNNING, restores.restoring()).getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aSuspendedRestorationNoLongerCounts() {
        RestoreTracker restores = new RestoreTracker();
        TopicPartition changelog = new TopicPartition("attache-processor-attachments-store-changelog", 0);

        restores.onRestoreStart(changelog, "attachments-store", 0, 1_000);
        restores.onRestoreSuspended(changelog, "attachments-store", 10);

        assertThat(restores.restoring()).isEmpty();
    }
}
