package dev.attache.bench.report;

import static dev.attache.bench.report.Figures.MIB;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.attache.bench.result.BenchRun;
import dev.attache.bench.result.FloorCost;
import dev.attache.bench.result.Loop;
import dev.attache.bench.result.Measurement;
import dev.attache.bench.result.MemoryUse;
import dev.attache.bench.result.PayloadSizes;
import dev.attache.bench.result.Target;
import dev.attache.bench.stack.Deployment;

/**
 * The performance targets, judged against one run: what the ingest path and the processor cost against the floor
 * and against S3 itself. A target whose cells the run did not measure (a quick run, a deployment whose processes or
 * memory could not be observed) is left out rather than reported as failed.
 */
public final class TargetCheck {

    static final List<Integer> LARGE_SIZES = List.of(PayloadSizes.ONE_MIB, PayloadSizes.LARGEST_POST);
    static final List<Integer> LARGE_CONCURRENCIES = List.of(16, 64);
    static final int FULL_LOAD = 64;

    /** A few times the floor's decode, hash and copy: what streaming through one pass of the bytes costs. */
    static final double INGEST_MAX_NANOS_PER_BYTE = 3;
    /** A command's share of one exactly-once transaction, its record, state and reply. */
    static final double PROCESSOR_MAX_MILLIS_PER_COMMAND = 0.3;

    /** Large uploads are dominated by moving bytes; without the echo the pipeline should add little to S3. */
    static final double LARGE_MINIMAL_MIN_RATIO = 0.8;
    /** The echo sends 4/3 of the payload back: a lower bar. */
    static final double LARGE_ECHO_MIN_RATIO = 0.6;
    /** Small uploads are dominated by per-request work (auth, Kafka round trips), so a lower bar. */
    static final double SMALL_MIN_RATIO = 0.5;
    /** The Kafka round trips a command costs, over what the S3 PUT costs. */
    static final double SMALL_MAX_P99_DELTA_MS = 60;
    /** One request alone: an exactly-once commit and a reply, not a commit interval's wait. */
    static final double ALONE_MAX_P50_MS = 25;
    static final int SMALL_SIZE = PayloadSizes.SMALL;

    /** A batch or a session moves the same bytes as its baseline and should cost about the same. */
    static final double BULK_MIN_RATIO = 0.8;

    /** One pass over the content and little else: the decoded bytes and some slack for the request around them. */
    static final double MAX_ALLOCATED_PER_CONTENT_BYTE = 1.2;
    /** Streaming holds a buffer or two per request in flight, not payloads. */
    static final long MAX_PEAK_HEAP_BYTES = 256 * MIB;

    private TargetCheck() {
    }

    public static List<TargetOutcome> evaluate(BenchRun run) {
        List<TargetOutcome> outcomes = new ArrayList<>();
        for (Target target : List.of(Target.PIPELINE_MINIMAL, Target.PIPELINE)) {
            for (int size : LARGE_SIZES) {
                ingestCpu(run, target, size).ifPresent(outcomes::add);
            }
        }
        run.measurements().stream()
                .filter(m -> m.target() == Target.PIPELINE && m.loop() == Loop.CLOSED && m.concurrency() == FULL_LOAD)
                .sorted(Comparator.comparingInt(Measurement::payloadBytes))
                .map(TargetCheck::processorCpu)
                .flatMap(Optional::stream)
                .forEach(outcomes::add);
        for (int size : LARGE_SIZES) {
            for (int concurrency : LARGE_CONCURRENCIES) {
                throughput(run, Target.PIPELINE_MINIMAL, Target.RAW_S3, size, concurrency, LARGE_MINIMAL_MIN_RATIO)
                        .ifPresent(outcomes::add);
            }
        }
        for (int size : LARGE_SIZES) {
            for (int concurrency : LARGE_CONCURRENCIES) {
                throughput(run, Target.PIPELINE, Target.RAW_S3, size, concurrency, LARGE_ECHO_MIN_RATIO)
                        .ifPresent(outcomes::add);
            }
        }
        throughput(run, Target.PIPELINE, Target.RAW_S3, SMALL_SIZE, FULL_LOAD, SMALL_MIN_RATIO)
                .ifPresent(outcomes::add);
        addedP99(run, SMALL_SIZE, FULL_LOAD).ifPresent(outcomes::add);
        aloneP50(run).ifPresent(outcomes::add);
        for (Target[] pair : new Target[][] {{Target.PIPELINE_BATCH, Target.RAW_S3_BATCH},
                {Target.PIPELINE_SESSION, Target.RAW_S3_MULTIPART}}) {
            run.measurements().stream()
                    .filter(m -> m.target() == pair[0] && m.loop() == Loop.CLOSED)
                    .sorted(Comparator.comparingInt(Measurement::concurrency))
                    .forEach(m -> throughput(run, pair[0], pair[1], m.payloadBytes(), m.concurrency(),
                            BULK_MIN_RATIO).ifPresent(outcomes::add));
        }
        List<MemoryUse> large = run.memory().stream()
                .filter(use -> LARGE_SIZES.contains(use.payloadBytes()))
                .sorted(Comparator.comparingInt(MemoryUse::payloadBytes).thenComparingInt(MemoryUse::concurrency))
                .toList();
        large.stream().map(TargetCheck::allocation).forEach(outcomes::add);
        large.stream().filter(use -> use.concurrency() == FULL_LOAD && use.peakHeapBytes() > 0)
                .map(TargetCheck::peakHeap).forEach(outcomes::add);
        return List.copyOf(outcomes);
    }

    /** ingest-api's CPU per content byte at full load, beside the floor of the same size. */
    private static Optional<TargetOutcome> ingestCpu(BenchRun run, Target target, int size) {
        return run.measurement(target, Loop.CLOSED, size, FULL_LOAD)
                .filter(m -> m.cpuMillisPerOperation().containsKey(Deployment.INGEST_API))
                .map(m -> {
                    double millis = m.cpuMillisPerOperation().get(Deployment.INGEST_API);
                    double nanosPerByte = millis * 1e6 / size;
                    Optional<FloorCost> floor = run.floor(size);
                    return new TargetOutcome(
                            cell(size, FULL_LOAD) + ", " + path(target) + ": ingest-api CPU ≤ "
                                    + Figures.decimal(INGEST_MAX_NANOS_PER_BYTE) + " ns per content byte",
                            Figures.ratio(nanosPerByte) + " ns per content byte (" + Figures.decimal(millis)
                                    + " ms per request)" + floor.map(f -> "; floor " + Figures.ratio(f.nanosPerByte())
                                            + " ns: " + Figures.decimal(nanosPerByte / f.nanosPerByte()) + " × floor")
                                    .orElse(""),
                            nanosPerByte <= INGEST_MAX_NANOS_PER_BYTE);
                });
    }

    private static Optional<TargetOutcome> processorCpu(Measurement m) {
        Double millis = m.cpuMillisPerOperation().get(Deployment.PROCESSOR);
        if (millis == null) {
            return Optional.empty();
        }
        return Optional.of(new TargetOutcome(
                cell(m.payloadBytes(), m.concurrency()) + ": processor CPU ≤ "
                        + Figures.decimal(PROCESSOR_MAX_MILLIS_PER_COMMAND) + " ms per command",
                Figures.ratio(millis) + " ms per command",
                millis <= PROCESSOR_MAX_MILLIS_PER_COMMAND));
    }

    private static Optional<TargetOutcome> throughput(BenchRun run, Target target, Target baseline, int size,
            int concurrency, double minRatio) {
        String unit = target == Target.PIPELINE_BATCH ? " batches/s" : target == Target.PIPELINE_SESSION
                ? " sessions/s" : " att/s";
        return ratio(run, target, baseline, size, concurrency).map(ratio -> new TargetOutcome(
                (target == Target.PIPELINE_BATCH ? Target.BATCH_ITEMS + " × " + Figures.size(Target.BATCH_ITEM_BYTES)
                        + " at " + concurrency + " in flight" : cell(size, concurrency)) + ", " + path(target)
                        + ": throughput ≥ " + Figures.ratio(minRatio) + " × " + MarkdownReport.name(baseline),
                Figures.decimal(closed(run, target, size, concurrency).operationsPerSecond()) + unit + " against "
                        + Figures.decimal(closed(run, baseline, size, concurrency).operationsPerSecond()) + "/s: "
                        + Figures.ratio(ratio.throughput()) + " ×",
                // NaN and ∞ (the baseline completed nothing) fail: there is nothing to have kept up with.
                Double.isFinite(ratio.throughput()) && ratio.throughput() >= minRatio));
    }

    private static Optional<TargetOutcome> addedP99(BenchRun run, int size, int concurrency) {
        return ratio(run, Target.PIPELINE, Target.RAW_S3, size, concurrency).map(ratio -> new TargetOutcome(
                cell(size, concurrency) + ": pipeline p99 ≤ raw S3 p99 + " + Figures.decimal(SMALL_MAX_P99_DELTA_MS)
                        + " ms",
                "pipeline " + Figures.decimal(closed(run, Target.PIPELINE, size, concurrency).latency().p99())
                        + " ms, raw S3 " + Figures.decimal(closed(run, Target.RAW_S3, size, concurrency).latency()
                        .p99()) + " ms: " + Figures.signed(ratio.p99DeltaMs()) + " ms",
                ratio.p99DeltaMs() <= SMALL_MAX_P99_DELTA_MS));
    }

    /** The cell's ratio as the report's tables compute it, when both sides were measured. */
    private static Optional<Ratio> ratio(BenchRun run, Target target, Target baseline, int size, int concurrency) {
        return Ratios.between(run, target, baseline).stream()
                .filter(r -> r.payloadBytes() == size && r.concurrency() == concurrency)
                .findFirst();
    }

    private static Measurement closed(BenchRun run, Target target, int size, int concurrency) {
        return run.measurement(target, Loop.CLOSED, size, concurrency).orElseThrow();
    }

    private static Optional<TargetOutcome> aloneP50(BenchRun run) {
        return run.measurement(Target.PIPELINE, Loop.CLOSED, SMALL_SIZE, 1).map(m -> new TargetOutcome(
                cell(SMALL_SIZE, 1) + ": pipeline p50 ≤ " + Figures.decimal(ALONE_MAX_P50_MS) + " ms",
                Figures.decimal(m.latency().p50()) + " ms",
                m.latency().p50() <= ALONE_MAX_P50_MS));
    }

    private static TargetOutcome allocation(MemoryUse use) {
        // Nothing uploaded means nothing to divide by; the cell failed, it did not stream well.
        boolean uploaded = use.contentBytes() > 0;
        return new TargetOutcome(
                cell(use.payloadBytes(), use.concurrency()) + ": ingest-api allocates ≤ "
                        + Figures.decimal(MAX_ALLOCATED_PER_CONTENT_BYTE) + " bytes per content byte",
                uploaded
                        ? Figures.ratio(use.allocatedPerContentByte()) + " bytes per content byte ("
                                + Figures.mebibytes(use.allocatedBytes()) + " MiB for "
                                + Figures.mebibytes(use.contentBytes()) + " MiB of content)"
                        : "no content uploaded",
                uploaded && use.allocatedPerContentByte() <= MAX_ALLOCATED_PER_CONTENT_BYTE);
    }

    private static TargetOutcome peakHeap(MemoryUse use) {
        return new TargetOutcome(
                cell(use.payloadBytes(), use.concurrency()) + ": ingest-api peak heap ≤ "
                        + Figures.mebibytes(MAX_PEAK_HEAP_BYTES) + " MiB",
                Figures.mebibytes(use.peakHeapBytes()) + " MiB",
                use.peakHeapBytes() <= MAX_PEAK_HEAP_BYTES);
    }

    private static String path(Target target) {
        return switch (target) {
            case PIPELINE -> "with the echo";
            case PIPELINE_MINIMAL -> "return=minimal";
            case PIPELINE_BATCH -> "$batch";
            case PIPELINE_SESSION -> "upload session";
            default -> MarkdownReport.name(target);
        };
    }

    private static String cell(int size, int concurrency) {
        return Figures.size(size) + " at " + concurrency + " in flight";
    }
}
