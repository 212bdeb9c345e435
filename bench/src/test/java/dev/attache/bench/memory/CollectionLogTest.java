package dev.attache.bench.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attache.bench.memory.CollectionLog.Collection;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CollectionLogTest {

    private static final String YOUNG = "G1 Young Generation";
    private static final String OLD = "G1 Old Generation";

    private final CollectionLog log = new CollectionLog(new HeapPools(Set.of("G1 Eden Space", "G1 Old Gen")));

    @Test
    void thePeakIsTheHighestHeapAtTheStartOfACollectionAfterTheBaseline() {
        log.record(new Collection(YOUNG, 7, 900, 0));
        log.record(new Collection(YOUNG, 8, 300, 0));
        log.record(new Collection(YOUNG, 9, 500, 0));
        log.record(new Collection(OLD, 1, 400, 0));

        assertThat(log.peakHeapUsedSince(Map.of(YOUNG, 7L, OLD, 0L))).isEqualTo(500);
        assertThat(log.peakHeapUsedSince(Map.of(YOUNG, 9L, OLD, 0L))).isEqualTo(400);
        assertThat(log.peakHeapUsedSince(Map.of(YOUNG, 9L, OLD, 1L))).isZero();
    }

    @Test
    void aCollectionThatEndsWithMoreInUseThanItStartedWithPeaksAtItsEnd() {
        log.record(new Collection(YOUNG, 1, 300, 310));

        assertThat(log.peakHeapUsedSince(Map.of())).isEqualTo(310);
    }

    @Test
    void waitsForTheReportsOfCollectionsThatHappened() throws Exception {
        log.record(new Collection(YOUNG, 3, 100, 0));
        var waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return log.awaitThrough(Map.of(YOUNG, 2L, OLD, 5L), Map.of(YOUNG, 4L, OLD, 5L), Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        log.record(new Collection(YOUNG, 4, 100, 0));

        assertThat(waiting.get(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void givesUpOnAMissingReportAfterTheBound() throws Exception {
        log.record(new Collection(YOUNG, 3, 100, 0));

        long started = System.nanoTime();
        boolean complete = log.awaitThrough(Map.of(YOUNG, 2L), Map.of(YOUNG, 4L), Duration.ofMillis(100));

        assertThat(complete).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }
}
