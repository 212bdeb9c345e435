package dev.attache.processor.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class CachedCheckTest {

    final AtomicLong now = new AtomicLong(1_000);
    final AtomicInteger calls = new AtomicInteger();
    final CachedCheck cached = new CachedCheck(
            () -> HealthCheckResponse.named("probe").status(calls.incrementAndGet() % 2 == 1).build(),
            Duration.ofSeconds(5), now::get);

    @Test
    void answersFromTheLastCheckUntilItExpires() {
        HealthCheckResponse first = cached.get();
        now.addAndGet(Duration.ofSeconds(5).toNanos() - 1);

        assertThat(cached.get()).isSameAs(first);
        assertThat(calls).hasValue(1);

        now.addAndGet(1);
        HealthCheckResponse second = cached.get();

        assertThat(calls).hasValue(2);
        assertThat(second.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    }
}
