package dev.attache.processor.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class RestoreTrackerTest {

    static final TopicPartition EVENTS_3 = new TopicPartition("attache-processor-events-store-changelog", 3);

    @Test
    void aStorePartitionRestoresFromStartToEnd() {
        RestoreTracker restores = new RestoreTracker();
        restores.onRestoreStart(EVENTS_3, "events-store", 0, 10);

        assertThat(restores.restoring("events-store", 3)).isTrue();
        assertThat(restores.restoring("events-store", 2)).isFalse();
        assertThat(restores.restoring("attachments-store", 3)).isFalse();

        restores.onRestoreEnd(EVENTS_3, "events-store", 10);
        assertThat(restores.restoring("events-store", 3)).isFalse();
    }

    @Test
    void aSuspendedRestorationIsNoLongerHere() {
        RestoreTracker restores = new RestoreTracker();
        restores.onRestoreStart(EVENTS_3, "events-store", 0, 10);

        restores.onRestoreSuspended(EVENTS_3, "events-store", 4);

        assertThat(restores.restoring("events-store", 3)).isFalse();
        assertThat(restores.restoring()).isEmpty();
    }
}
