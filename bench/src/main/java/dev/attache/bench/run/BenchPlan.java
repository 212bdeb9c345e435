package dev.attache.bench.run;

import dev.attache.bench.result.PayloadSizes;
import java.time.Duration;
import java.util.List;

/**
 * What to measure and for how long.
 *
 * @param payloadSizes     file content sizes in bytes
 * @param concurrencies    closed-loop requests in flight
 * @param initialWarmup    before anything is measured, per payload size, for the pipeline and for raw S3 each: the
 *                         JIT of four JVMs sharing two cores takes minutes to settle, and measured cells must not
 *                         pay for it (the pipeline's code warms slower than raw S3's, so a short warm-up flatters S3)
 * @param warmup           discarded at the start of every slice
 * @param slice            measured per slice
 * @param rounds           slices per target and cell; the order alternates (pipeline first, then raw S3 first)
 * @param openLoopSizes    sizes also measured open-loop, at the highest concurrency as the in-flight cap
 * @param openLoadFraction open-loop arrival rate as a fraction of the pipeline's closed-loop throughput there
 * @param bulk             whether to measure {@code $batch} and upload sessions too (minutes of their own; a tuning
 *                         run of the plain path may leave them out)
 */
public record BenchPlan(
        boolean quick,
        List<Integer> payloadSizes,
        List<Integer> concurrencies,
        Duration initialWarmup,
        Duration warmup,
        Duration slice,
        int rounds,
        List<Integer> openLoopSizes,
        double openLoadFraction,
        boolean bulk) {

    private static final List<Integer> ALL_SIZES = List.of(PayloadSizes.SMALL, PayloadSizes.MEDIUM,
            PayloadSizes.ONE_MIB, PayloadSizes.LARGEST_POST);

    public BenchPlan {
        payloadSizes = List.copyOf(payloadSizes);
        concurrencies = List.copyOf(concurrencies);
        openLoopSizes = List.copyOf(openLoopSizes);
        if (payloadSizes.isEmpty() || concurrencies.isEmpty()) {
            throw new IllegalArgumentException("at least one payload size and one concurrency are needed");
        }
        if (payloadSizes.stream().anyMatch(size -> size < 1) || concurrencies.stream().anyMatch(c -> c < 1)) {
            throw new IllegalArgumentException("payload sizes and concurrencies must be positive");
        }
        if (rounds < 1 || slice.isNegative() || slice.isZero() || warmup.isNegative() || initialWarmup.isNegative()) {
            throw new IllegalArgumentException("rounds must be ≥ 1, the slice positive and the warm-up not negative");
        }
        if (!(openLoadFraction > 0 && openLoadFraction <= 1.5)) {
            throw new IllegalArgumentException("the open-loop load fraction must be in (0, 1.5]");
        }
    }

    /** Every size at 1, 16 and 64 in flight, two alternating rounds of 6 s after 2 minutes of warm-up: ~12 min. */
    public static BenchPlan fullRun() {
        return new BenchPlan(false, ALL_SIZES, List.of(1, 16, 64), Duration.ofSeconds(15),
                Duration.ofSeconds(3), Duration.ofSeconds(6), 2, ALL_SIZES, 0.7, true);
    }

    /** A smaller and shorter look at the same thing, for a first impression in about a minute. */
    public static BenchPlan quickRun() {
        return new BenchPlan(true, List.of(PayloadSizes.SMALL, PayloadSizes.ONE_MIB), List.of(1, 16, 64),
                Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(2), 1, List.of(PayloadSizes.ONE_MIB),
                0.7, true);
    }

    public int maxConcurrency() {
        return concurrencies.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }
}
