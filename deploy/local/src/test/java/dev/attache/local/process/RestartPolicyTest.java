package dev.attache.local.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    @Test
    void restartsAtOnceThenBacksOffDoubling() {
        List<Instant> restarts = new ArrayList<>();
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            delays.add(RestartPolicy.DEFAULT.nextDelay(restarts, NOW).orElseThrow());
            restarts.add(NOW.minusSeconds(10 - i));
        }

        assertThat(delays).containsExactly(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofSeconds(8));
        assertThat(RestartPolicy.DEFAULT.nextDelay(restarts, NOW)).as("the sixth within ten minutes").isEmpty();
    }

    @Test
    void restartsOutsideTheWindowAreForgotten() {
        List<Instant> longAgo = List.of(NOW.minus(Duration.ofMinutes(30)), NOW.minus(Duration.ofMinutes(20)),
                NOW.minus(Duration.ofMinutes(15)), NOW.minus(Duration.ofMinutes(12)), NOW.minus(Duration.ofMinutes(11)));

        assertThat(RestartPolicy.DEFAULT.nextDelay(longAgo, NOW)).contains(Duration.ZERO);
    }

    @Test
    void theBackOffIsCapped() {
        RestartPolicy patient = new RestartPolicy(100, Duration.ofHours(1), Duration.ofSeconds(1),
                Duration.ofSeconds(30));
        List<Instant> many = java.util.stream.IntStream.range(0, 40).mapToObj(i -> NOW.minusSeconds(i)).toList();

        assertThat(patient.nextDelay(many, NOW)).contains(Duration.ofSeconds(30));
    }
}
