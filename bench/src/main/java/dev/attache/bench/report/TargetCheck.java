package dev.attache.bench.report;

import static dev.attache.bench.report.Figures.KIB;
import static dev.attache.bench.report.Figures.MIB;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.attache.bench.result.PayloadSizes;
import dev.attache.bench.result.BenchRun;
import dev.attache.bench.result.Loop;
import dev.attache.bench.result.Measurement;
import dev.attache.bench.result.MemoryUse;
import dev.attache.bench.result.Target;

/**
 * The targets, judged against one run. A target whose cells the run did not measure (a quick run, a
 * deployment whose memory could not be observed) is left out rather than reported as failed.
 */
public final class TargetCheck {

    /** Large uploads are dominated by moving bytes; the pipeline should add little on top of S3 itself. */
    static final double LARGE_MIN_THROUGHPUT_RATIO = 0.8;
    static final List<Integer> LARGE_SIZES = List.of(PayloadSizes.ONE_MIB, PayloadSizes.LARGEST_POST);
    static final List<Integer> LARGE_CONCURRENCIES = List.of(16, 64);

    /** Small uploads are dominated by per-request work (auth, Kafka round trips), so a lower bar. */
    static final double SMALL_MIN_THROUGHPUT_RATIO = 0.5;
    /** The Kafka round trips a command costs, over what the S3 PUT costs. */
    static final double SMALL_MAX_P99_DELTA_MS = 60;
    static final int SMALL_SIZE = (int) KIB;
    static final int SMALL_CONCURRENCY = 64;

    /** Streaming copies content through a buffer or two; anything above means content is held whole. */
    static final double MAX_ALLOCATED_PER_CONTENT_BYTE = 2;
    static final int MEMORY_SIZE = PayloadSizes.LARGEST_POST;

    /**
     * Heap may grow with concurrency by the buffers of the requests in flight, allowed this many payloads each, and
     * no more: growth beyond that means content is queued or kept whole somewhere.
     */
    static final int IN_FLIGHT_PAYLOADS_PER_REQUEST = 2;
    /** Collector timing: a peak is sampled between collections, so garbage is part of it. */
    static final long HEAP_SLACK_BYTES = 64 * MIB;

    private TargetCheck() {
    }

    public static List<TargetOutcome> evaluate(BenchRun run) {
        List<Ratio> ratios = Ratios.of(run);
        List<TargetOutcome> outcomes = new ArrayList<>();
        for (int size : LARGE_SIZES) {
            for (int concurrency : LARGE_CONCURRENCIES) {
                throughput(run, ratios, size, concurrency, LARGE_MIN_THROUGHPUT_RATIO).ifPresent(outcomes::add);
            }
        }
        throughput(run, ratios, SMALL_SIZE, SMALL_CONCURRENCY, SMALL_MIN_THROUGHPUT_RATIO).ifPresent(outcomes::add);
        addedP99(run, ratios, SMALL_SIZE, SMALL_CONCURRENCY).ifPresent(outcomes::add);
        run.memory().stream()
                .filter(use -> use.payloadBytes() == MEMORY_SIZE)
                .sorted(Comparator.comparingInt(MemoryUse::concurrency))
                .map(TargetCheck::allocation)
                .forEach(outcomes::add);
        heapBounded(run.memory(), MEMORY_SIZE).ifPresent(outcomes::add);
        return List.copyOf(outcomes);
    }

    private static Optional<TargetOutcome> throughput(
            BenchRun run, List<Ratio> ratios, int size, int concurrency, double minRatio) {
        return ratio(ratios, size, concurrency).map(ratio -> new TargetOutcome(
                cell(size, concurrency) + ": pipeline throughput ≥ " + Figures.ratio(minRatio) + " × raw S3",
                "pipeline " + Figures.decimal(pipeline(run, size, concurrency).operationsPerSecond()) + " att/s, "
                        + "raw S3 " + Figures.decimal(rawS3(run, size, concurrency).operationsPerSecond()) + " ops/s: "
                        + Figures.ratio(ratio.throughput()) + " ×",
                // NaN and ∞ (raw S3 completed nothing) fail: there is nothing to have kept up with.
                Double.isFinite(ratio.throughput()) && ratio.throughput() >= minRatio));
    }

    private static Optional<TargetOutcome> addedP99(BenchRun run, List<Ratio> ratios, int size, int concurrency) {
        return ratio(ratios, size, concurrency).map(ratio -> new TargetOutcome(
                cell(size, concurrency) + ": pipeline p99 ≤ raw S3 p99 + " + Figures.decimal(SMALL_MAX_P99_DELTA_MS)
                        + " ms",
                "pipeline " + Figures.decimal(pipeline(run, size, concurrency).latency().p99()) + " ms, "
                        + "raw S3 " + Figures.decimal(rawS3(run, size, concurrency).latency().p99()) + " ms: "
                        + Figures.signed(ratio.p99DeltaMs()) + " ms",
                ratio.p99DeltaMs() <= SMALL_MAX_P99_DELTA_MS));
    }

    private static TargetOutcome allocation(MemoryUse use) {
        // Nothing uploaded means nothing to divide by; the cell failed, it did not stream well.
        boolean uploaded = use.contentBytes() > 0;
        return new TargetOutcome(
                cell(use.payloadBytes(), use.concurrency()) + ": allocated ≤ "
                        + Figures.decimal(MAX_ALLOCATED_PER_CONTENT_BYTE) + " bytes per content byte",
                uploaded
                        ? Figures.ratio(use.allocatedPerContentByte()) + " bytes per content byte ("
                                + Figures.mebibytes(use.allocatedBytes()) + " MiB for "
                                + Figures.mebibytes(use.contentBytes()) + " MiB of content)"
                        : "no content uploaded",
                uploaded && use.allocatedPerContentByte() <= MAX_ALLOCATED_PER_CONTENT_BYTE);
    }

    /** The highest concurrency against one request at a time: what more requests in flight cost in heap. */
    private static Optional<TargetOutcome> heapBounded(List<MemoryUse> memory, int size) {
        List<MemoryUse> cells = memory.stream()
                .filter(use -> use.payloadBytes() == size && use.peakHeapBytes() > 0)
                .sorted(Comparator.comparingInt(MemoryUse::concurrency))
                .toList();
        if (cells.size() < 2 || cells.get(0).concurrency() != 1) {
            return Optional.empty();
        }
        MemoryUse single = cells.get(0);
        MemoryUse highest = cells.get(cells.size() - 1);
        long bound = single.peakHeapBytes()
                + (long) highest.concurrency() * IN_FLIGHT_PAYLOADS_PER_REQUEST * size
                + HEAP_SLACK_BYTES;
        return Optional.of(new TargetOutcome(
                Figures.size(size) + ": peak heap ≤ peak at 1 in flight + in-flight buffers ("
                        + IN_FLIGHT_PAYLOADS_PER_REQUEST + " payloads per request) + "
                        + Figures.size(HEAP_SLACK_BYTES) + " slack",
                "peak " + Figures.mebibytes(highest.peakHeapBytes()) + " MiB at " + highest.concurrency()
                        + " in flight; bound " + Figures.mebibytes(single.peakHeapBytes()) + " MiB + "
                        + highest.concurrency() + " × " + IN_FLIGHT_PAYLOADS_PER_REQUEST + " × "
                        + Figures.mebibytes(size) + " MiB"
                        + " + " + Figures.size(HEAP_SLACK_BYTES) + " = " + Figures.mebibytes(bound) + " MiB",
                highest.peakHeapBytes() <= bound));
    }

    private static Optional<Ratio> ratio(List<Ratio> ratios, int size, int concurrency) {
        return ratios.stream()
                .filter(r -> r.payloadBytes() == size && r.concurrency() == concurrency)
                .findFirst();
    }

    // Only called for cells that have a ratio, so both measurements exist.
    private static Measurement pipeline(BenchRun run, int size, int concurrency) {
        return run.measurement(Target.PIPELINE, Loop.CLOSED, size, concurrency).orElseThrow();
    }

    private static Measurement rawS3(BenchRun run, int size, int concurrency) {
        return run.measurement(Target.RAW_S3, Loop.CLOSED, size, concurrency).orElseThrow();
    }

    private static String cell(int size, int concurrency) {
        return Figures.size(size) + " at " + concurrency + " in flight";
    }
}
