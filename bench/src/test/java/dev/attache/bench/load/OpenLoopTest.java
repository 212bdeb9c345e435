package dev.attache.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The open loop against a stand-in target whose operations take a known time. */
class OpenLoopTest {

    static final Duration DRAIN = Duration.ofSeconds(10);
    static final long MS = 1_000_000;

    final OpenLoop loop = new OpenLoop(new CpuMeter(Map.of()));

    @Test
    void sendsAtTheRateAndCountsOnlyWhatWasDueInTheWindow() throws InterruptedException {
        try (TimedOperation operation = TimedOperation.succeedingAfter(Duration.ofMillis(10))) {
            // one due every 5 ms: 100 in the warm-up, 200 in the window
            LoadResult result = loop.run(operation, 200, 8, Duration.ofMillis(500), Duration.ofSeconds(1), DRAIN);

            assertThat(operation.started()).isCloseTo(300, within(2));
            assertThat(result.operations()).isCloseTo(200L, within(1L));
            assertThat(result.errors()).isZero();
            assertThat(result.latencies().getTotalCount()).isEqualTo(result.operations());
            // two in flight are enough, so each takes about its own 10 ms from when it was due
            assertThat(operation.maxInFlight()).isLessThanOrEqualTo(8);
            assertThat(result.latencies().getValueAtPercentile(50)).isBetween(9 * MS, 40 * MS);
        }
    }

    /**
     * 40 a second of 50 ms operations need 2 in flight; with 1 allowed, operation k is sent about 25·k ms late.
     * Latency counted from when each was due shows that wait; counted from the send it would stay at 50 ms and hide
     * that the target fell behind (coordinated omission).
     */
    @Test
    void whenTheTargetFallsBehindTheWaitIsPartOfTheLatency() throws InterruptedException {
        try (TimedOperation operation = TimedOperation.succeedingAfter(Duration.ofMillis(50))) {
            LoadResult result = loop.run(operation, 40, 1, Duration.ZERO, Duration.ofSeconds(1), DRAIN);

            assertThat(operation.maxInFlight()).isEqualTo(1);
            assertThat(result.operations()).isCloseTo(40L, within(1L));
            Histogram latencies = result.latencies();
            assertThat(latencies.getMinValue()).isGreaterThanOrEqualTo(49 * MS);
            // ideally a median of about 540 ms and a maximum of about 1 s
            assertThat(latencies.getValueAtPercentile(50)).isGreaterThan(250 * MS);
            assertThat(latencies.getMaxValue()).isGreaterThan(750 * MS);
        }
    }

    @Test
    void failedOperationsAreErrorsAndNotTimed() throws InterruptedException {
        try (TimedOperation operation = new TimedOperation(Duration.ofMillis(5), n -> true)) {
            LoadResult result = loop.run(operation, 100, 4, Duration.ZERO, Duration.ofMillis(500), DRAIN);

            assertThat(result.operations()).isZero();
            assertThat(result.errors()).isCloseTo(50L, within(1L));
            assertThat(result.latencies().getTotalCount()).isZero();
        }
    }

    @Test
    void refusesARateThatIsNotPositive() {
        try (TimedOperation operation = TimedOperation.succeedingAfter(Duration.ofMillis(1))) {
            assertThatThrownBy(() -> loop.run(operation, 0, 1, Duration.ZERO, Duration.ofSeconds(1), DRAIN))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(operation.started()).isZero();
        }
    }
}
