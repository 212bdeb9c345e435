package dev.attache.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The closed loop against a stand-in target whose operations take a known time. */
class ClosedLoopTest {

    static final Duration OPERATION = Duration.ofMillis(10);
    static final Duration DRAIN = Duration.ofSeconds(10);

    // as the benchmark drives it: a small pool the completions hop to
    final ExecutorService driver = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "test-driver");
        thread.setDaemon(true);
        return thread;
    });
    final ClosedLoop loop = new ClosedLoop(driver, new CpuMeter(Map.of()));

    @AfterEach
    void stopDriver() {
        driver.shutdownNow();
    }

    @ParameterizedTest(name = "{0} in flight")
    @ValueSource(ints = {1, 4, 8})
    void keepsConcurrencyOperationsInFlightAndCountsTheirCompletions(int concurrency) throws InterruptedException {
        try (TimedOperation operation = TimedOperation.succeedingAfter(OPERATION)) {
            LoadResult result = loop.run(operation, concurrency, Duration.ofMillis(300), Duration.ofSeconds(2), DRAIN);

            double perSecond = result.operations() / (result.windowNanos() / 1e9);
            double ideal = concurrency * 1000.0 / OPERATION.toMillis();
            // a band, not a figure: it checks the loop, on a 2-core machine that shares its cores with the build
            assertThat(perSecond).as("operations per second, ideally %.0f", ideal).isBetween(0.5 * ideal, 1.1 * ideal);
            assertThat(operation.maxInFlight()).isEqualTo(concurrency);
            assertThat(result.errors()).isZero();
            assertThat(result.windowNanos()).isEqualTo(Duration.ofSeconds(2).toNanos());
            assertThat(result.latencies().getTotalCount()).isEqualTo(result.operations());
            // latency counts from the send, so never less than the operation takes (less 1 % of histogram rounding)
            assertThat(result.latencies().getMinValue()).isGreaterThanOrEqualTo(OPERATION.toNanos() * 99 / 100);
        }
    }

    @Test
    void warmUpCompletionsAreNotCounted() throws InterruptedException {
        AtomicInteger completedAtOpen = new AtomicInteger();
        AtomicInteger completedAtClose = new AtomicInteger();
        try (TimedOperation operation = TimedOperation.succeedingAfter(OPERATION)) {
            LoadResult result = loop.run(operation, 2, Duration.ofSeconds(1), Duration.ofSeconds(1), DRAIN,
                    new WindowObserver() {
                        @Override
                        public void opened() {
                            completedAtOpen.set(operation.completed());
                        }

                        @Override
                        public void closed() {
                            completedAtClose.set(operation.completed());
                        }
                    });

            assertThat(completedAtOpen.get()).as("completed during the warm-up").isGreaterThan(50);
            // exactly what completed while the window was open, give or take the few at its edges
            assertThat(result.operations()).isCloseTo(completedAtClose.get() - completedAtOpen.get(), within(10L));
        }
    }

    @Test
    void failedOperationsAreErrorsAndNotTimed() throws InterruptedException {
        try (TimedOperation operation = new TimedOperation(OPERATION, n -> n % 2 == 1)) {
            LoadResult result = loop.run(operation, 2, Duration.ofMillis(200), Duration.ofSeconds(1), DRAIN);

            // every other operation fails
            assertThat(result.operations()).isPositive();
            assertThat(result.errors()).isCloseTo(result.operations(), within(6L));
            assertThat(result.latencies().getTotalCount()).isEqualTo(result.operations());
        }
    }

    @Test
    void anOperationThatThrowsIsAnErrorAndTheLoopGoesOn() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        Operation throwing = () -> {
            calls.incrementAndGet();
            throw new IllegalStateException("no connection");
        };

        LoadResult result = loop.run(throwing, 1, Duration.ZERO, Duration.ofMillis(200), DRAIN);

        assertThat(result.operations()).isZero();
        assertThat(result.errors()).isGreaterThan(1);
        assertThat(calls.get()).isGreaterThanOrEqualTo((int) result.errors());
    }

    @Test
    void operationsStillRunningAfterTheDrainAreErrors() throws InterruptedException {
        Operation never = CompletableFuture::new;

        LoadResult result = loop.run(never, 3, Duration.ZERO, Duration.ofMillis(100), Duration.ofMillis(100));

        assertThat(result.operations()).isZero();
        assertThat(result.errors()).isEqualTo(3);
    }
}
