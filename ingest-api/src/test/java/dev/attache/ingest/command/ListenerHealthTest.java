package dev.attache.ingest.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ListenerHealthTest {

    final AtomicLong now = new AtomicLong();
    final ListenerHealth health = new ListenerHealth(Duration.ofMinutes(2), now::get);

    @Test
    void readyOnlyOncePositionedAndWhileItsPollsSucceed() {
        assertThat(health.ready()).isFalse();
        health.positioned();
        health.polled();
        assertThat(health.ready()).isTrue();

        health.failed(new IllegalStateException("broker refused"));
        assertThat(health.ready()).isFalse();
        assertThat(health.lastFailure()).contains("broker refused");

        health.polled();
        assertThat(health.ready()).as("recovered by itself").isTrue();
    }

    @Test
    void anUnreachableBrokerMakesItUnreadyButKeepsItLive() {
        health.positioned();
        for (int minute = 0; minute < 10; minute++) {
            now.addAndGet(Duration.ofMinutes(1).toNanos());
            health.unreachable(new org.apache.kafka.common.errors.TimeoutException("no broker"));
        }

        assertThat(health.ready()).isFalse();
        assertThat(health.live()).as("a restart would not bring the broker back").isTrue();
    }

    @Test
    void liveUnlessItKeepsFailingPastTheLimitOrStopped() {
        health.positioned();
        now.addAndGet(Duration.ofMinutes(1).toNanos());
        health.failed(new IllegalStateException("x"));
        assertThat(health.live()).isTrue();

        now.addAndGet(Duration.ofMinutes(1).toNanos());
        health.failed(new IllegalStateException("x"));
        assertThat(health.live()).as("no successful poll for 2 minutes").isFalse();

        health.polled();
        assertThat(health.live()).isTrue();
        health.stopped();
        assertThat(health.live()).isFalse();
        assertThat(health.ready()).isFalse();
    }
}
