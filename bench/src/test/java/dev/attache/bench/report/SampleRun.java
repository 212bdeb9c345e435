package dev.attache.bench.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.attache.bench.result.BenchRun;
import dev.attache.bench.result.FloorCost;
import dev.attache.bench.result.Latency;
import dev.attache.bench.result.Loop;
import dev.attache.bench.result.Machine;
import dev.attache.bench.result.Measurement;
import dev.attache.bench.result.MemoryUse;
import dev.attache.bench.result.Settings;
import dev.attache.bench.result.Target;

/**
 * A run written by hand. Rates are whole operations over 10 s and latencies are chosen so every ratio and
 * difference is exact in binary, and the figures sit on and beside the targets' thresholds.
 */
final class SampleRun {

    static final int KIB = 1024;
    static final int MIB = 1024 * KIB;
    /** The largest payload measured: 3 MiB − 1 KiB, the largest file a POST can carry. */
    static final int LARGE = dev.attache.bench.result.PayloadSizes.LARGEST_POST;
    static final long HEAP_AT_ONE = 100L * MIB;
    /** {@link #HEAP_AT_ONE} + 64 in flight × 2 × 3 MiB + 64 MiB: the heap target's bound, exactly. */
    static final long HEAP_BOUND_AT_64 = HEAP_AT_ONE + 64L * 2 * LARGE + 64L * MIB;

    private SampleRun() {
    }

    static BenchRun full() {
        return run(false,
                List.of(
                        // 1 KiB at 64: 0.60 × throughput (≥ 0.5), p99 +60 ms (≤ 60): both met, on the edge
                        closed(Target.PIPELINE, KIB, 64, 600, 70),
                        closed(Target.RAW_S3, KIB, 64, 1000, 10),
                        // 64 KiB at 1: the pipeline alone
                        closed(Target.PIPELINE, 64 * KIB, 1, 200, 8),
                        // 1 MiB: 0.80 (met, on the edge) at 16, 0.79 (not met) at 64
                        closed(Target.PIPELINE, MIB, 16, 80, 250),
                        closed(Target.RAW_S3, MIB, 16, 100, 200),
                        closed(Target.PIPELINE, MIB, 64, 79, 900),
                        closed(Target.RAW_S3, MIB, 64, 100, 800),
                        // 3 MiB: 0.75 (not met) at 16, 0.90 (met) at 64
                        closed(Target.PIPELINE, LARGE, 16, 30, 600),
                        closed(Target.RAW_S3, LARGE, 16, 40, 500),
                        closed(Target.PIPELINE, LARGE, 64, 36, 2000),
                        closed(Target.RAW_S3, LARGE, 64, 40, 1600),
                        // without the echo: 0.80 (met, on the edge) and 0.90 at 1 MiB, 0.80 at 3 MiB − 1 KiB
                        closed(Target.PIPELINE_MINIMAL, MIB, 16, 80, 240),
                        closed(Target.PIPELINE_MINIMAL, MIB, 64, 90, 800),
                        closed(Target.PIPELINE_MINIMAL, LARGE, 64, 32, 1800),
                        // one 1 KiB request alone: p50 of 25 ms, met on the edge
                        closed(Target.PIPELINE, KIB, 1, 20, 50),
                        closed(Target.RAW_KAFKA, 600, 1, 400, 4),
                        closed(Target.RAW_KAFKA, 600, 16, 2000, 12),
                        closed(Target.RAW_KAFKA, 600, 64, 5000, 30),
                        new Measurement(Target.PIPELINE, Loop.OPEN, MIB, 64, 64, 630, 2, 10,
                                new Latency(150, 300, 400, 1200, 180), 0.125, Map.of())),
                List.of(
                        new MemoryUse(MIB, 16, 200L * MIB, 80L * MIB, 500L * MIB, 20L * MIB, 10L * MIB),
                        // 2 bytes allocated per content byte: met, on the edge
                        new MemoryUse(LARGE, 1, HEAP_AT_ONE, 60L * MIB, 400L * MIB, 60L * MIB, 30L * MIB),
                        // 2.5: not met; peak heap exactly at the bound: met
                        new MemoryUse(LARGE, 64, HEAP_BOUND_AT_64, 90L * MIB, 900L * MIB, 75L * MIB,
                                30L * MIB)),
                List.of(new FloorCost(MIB, 0.25, 0.5, 0.25), new FloorCost(LARGE, 0.125, 0.5, 0.125)));
    }

    static BenchRun run(boolean quick, List<Measurement> measurements, List<MemoryUse> memory) {
        return run(quick, measurements, memory, List.of());
    }

    static BenchRun run(boolean quick, List<Measurement> measurements, List<MemoryUse> memory,
            List<FloorCost> floor) {
        return new BenchRun(
                "2026-11-27T16:32:36Z",
                "./attache bench --rounds 3",
                new Machine("Linux 6.8.0 amd64", "AMD EPYC 7B13", 16, 64L * 1024 * MIB,
                        "OpenJDK 64-Bit Server VM 17.0.12"),
                new Settings(quick, "embedded", List.of(KIB, 64 * KIB, MIB, LARGE), List.of(1, 16, 64),
                        30, 5, 20, 3, 0.8),
                measurements,
                memory,
                floor);
    }

    /** CPU ms per request of each process, as a pipeline cell reports them. */
    static final Map<String, Double> PIPELINE_CPU = pipelineCpu();

    /** The same without the echo: ingest-api at 2 ns per content byte of 1 MiB. */
    static final Map<String, Double> MINIMAL_CPU = Map.of("ingest-api", 2.0 * MIB / 1e6, "processor", 0.25);

    private static Map<String, Double> pipelineCpu() {
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpu.put("load generator", 1.5);
        cpu.put("ingest-api", 8.25);
        cpu.put("processor", 2.0);
        cpu.put("Kafka + S3", 4.0);
        return cpu;
    }

    /** Closed loop, 10 s measured; p50 is half the p99 and max twice it. */
    static Measurement closed(Target target, int payloadBytes, int concurrency, long perSecond, double p99) {
        return new Measurement(target, Loop.CLOSED, payloadBytes, concurrency, 0, perSecond * 10, 0, 10,
                new Latency(p99 / 2, p99 * 0.75, p99, p99 * 2, p99 / 2), 0.05,
                target == Target.PIPELINE ? PIPELINE_CPU
                        : target == Target.PIPELINE_MINIMAL ? MINIMAL_CPU : Map.of());
    }
}
