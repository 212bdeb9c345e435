package dev.attache.bench.report;

import static dev.attache.bench.report.SampleRun.KIB;
import static dev.attache.bench.report.SampleRun.LARGE;
import static dev.attache.bench.report.SampleRun.MIB;
import static dev.attache.bench.report.SampleRun.closed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.attache.bench.result.BenchRun;
import dev.attache.bench.result.FloorCost;
import dev.attache.bench.result.Latency;
import dev.attache.bench.result.Loop;
import dev.attache.bench.result.Measurement;
import dev.attache.bench.result.MemoryUse;
import dev.attache.bench.result.Target;

class TargetCheckTest {

    @Test
    void judgesEveryTargetOfAFullRunInOrder() {
        assertThat(TargetCheck.evaluate(SampleRun.full()))
                .extracting(TargetOutcome::target, TargetOutcome::measured, TargetOutcome::met)
                .containsExactly(
                        tuple("1 MiB at 64 in flight, return=minimal: ingest-api CPU ≤ 3.0 ns per content byte",
                                "2.00 ns per content byte (2.1 ms per request); floor 1.00 ns: 2.0 × floor", true),
                        tuple("3 MiB − 1 KiB at 64 in flight, return=minimal: ingest-api CPU ≤ 3.0 ns per content"
                                + " byte", "0.67 ns per content byte (2.1 ms per request); floor 0.75 ns: 0.9 × floor",
                                true),
                        tuple("1 MiB at 64 in flight, with the echo: ingest-api CPU ≤ 3.0 ns per content byte",
                                "7.87 ns per content byte (8.3 ms per request); floor 1.00 ns: 7.9 × floor", false),
                        tuple("3 MiB − 1 KiB at 64 in flight, with the echo: ingest-api CPU ≤ 3.0 ns per content byte",
                                "2.62 ns per content byte (8.3 ms per request); floor 0.75 ns: 3.5 × floor", true),
                        tuple("1 KiB at 64 in flight: processor CPU ≤ 0.3 ms per command", "2.00 ms per command",
                                false),
                        tuple("1 MiB at 64 in flight: processor CPU ≤ 0.3 ms per command", "2.00 ms per command",
                                false),
                        tuple("3 MiB − 1 KiB at 64 in flight: processor CPU ≤ 0.3 ms per command",
                                "2.00 ms per command", false),
                        tuple("1 MiB at 16 in flight, return=minimal: throughput ≥ 0.80 × raw S3",
                                "80.0 att/s against 100.0/s: 0.80 ×", true),
                        tuple("1 MiB at 64 in flight, return=minimal: throughput ≥ 0.80 × raw S3",
                                "90.0 att/s against 100.0/s: 0.90 ×", true),
                        tuple("3 MiB − 1 KiB at 64 in flight, return=minimal: throughput ≥ 0.80 × raw S3",
                                "32.0 att/s against 40.0/s: 0.80 ×", true),
                        tuple("1 MiB at 16 in flight, with the echo: throughput ≥ 0.60 × raw S3",
                                "80.0 att/s against 100.0/s: 0.80 ×", true),
                        tuple("1 MiB at 64 in flight, with the echo: throughput ≥ 0.60 × raw S3",
                                "79.0 att/s against 100.0/s: 0.79 ×", true),
                        tuple("3 MiB − 1 KiB at 16 in flight, with the echo: throughput ≥ 0.60 × raw S3",
                                "30.0 att/s against 40.0/s: 0.75 ×", true),
                        tuple("3 MiB − 1 KiB at 64 in flight, with the echo: throughput ≥ 0.60 × raw S3",
                                "36.0 att/s against 40.0/s: 0.90 ×", true),
                        tuple("1 KiB at 64 in flight, with the echo: throughput ≥ 0.50 × raw S3",
                                "600.0 att/s against 1000.0/s: 0.60 ×", true),
                        tuple("1 KiB at 64 in flight: pipeline p99 ≤ raw S3 p99 + 60.0 ms",
                                "pipeline 70.0 ms, raw S3 10.0 ms: +60.0 ms", true),
                        tuple("1 KiB at 1 in flight: pipeline p50 ≤ 25.0 ms", "25.0 ms", true),
                        tuple("1 MiB at 16 in flight: ingest-api allocates ≤ 1.2 bytes per content byte",
                                "2.00 bytes per content byte (20.0 MiB for 10.0 MiB of content)", false),
                        tuple("3 MiB − 1 KiB at 1 in flight: ingest-api allocates ≤ 1.2 bytes per content byte",
                                "2.00 bytes per content byte (60.0 MiB for 30.0 MiB of content)", false),
                        tuple("3 MiB − 1 KiB at 64 in flight: ingest-api allocates ≤ 1.2 bytes per content byte",
                                "2.50 bytes per content byte (75.0 MiB for 30.0 MiB of content)", false),
                        tuple("3 MiB − 1 KiB at 64 in flight: ingest-api peak heap ≤ 256.0 MiB", "547.9 MiB",
                                false));
    }

    @Test
    void smallPayloadsMissTheirTargetsJustPastTheThresholds() {
        List<TargetOutcome> outcomes = TargetCheck.evaluate(run(
                closed(Target.PIPELINE, KIB, 64, 490, 70.5),
                closed(Target.RAW_S3, KIB, 64, 1000, 10),
                closed(Target.PIPELINE, KIB, 1, 20, 50.5)));

        assertThat(outcomes).extracting(TargetOutcome::measured, TargetOutcome::met).containsExactly(
                tuple("2.00 ms per command", false),
                tuple("490.0 att/s against 1000.0/s: 0.49 ×", false),
                tuple("pipeline 70.5 ms, raw S3 10.0 ms: +60.5 ms", false),
                tuple("25.3 ms", false));
    }

    @Test
    void theProcessorAndIngestApiAreJudgedOnTheirThresholds() {
        // 3 ns per content byte of 1 MiB is 3.146 ms per request
        List<TargetOutcome> outcomes = TargetCheck.evaluate(run(
                withCpu(Target.PIPELINE_MINIMAL, MIB, Map.of("ingest-api", 3.14)),
                withCpu(Target.PIPELINE, MIB, Map.of("ingest-api", 3.15, "processor", 0.3))));

        assertThat(outcomes).extracting(TargetOutcome::target, TargetOutcome::measured, TargetOutcome::met)
                .containsExactly(
                        tuple("1 MiB at 64 in flight, return=minimal: ingest-api CPU ≤ 3.0 ns per content byte",
                                "2.99 ns per content byte (3.1 ms per request)", true),
                        tuple("1 MiB at 64 in flight, with the echo: ingest-api CPU ≤ 3.0 ns per content byte",
                                "3.00 ns per content byte (3.2 ms per request)", false),
                        tuple("1 MiB at 64 in flight: processor CPU ≤ 0.3 ms per command", "0.30 ms per command",
                                true));
    }

    @Test
    void bulkPathsAreJudgedAgainstTheirOwnBaselinesAtEveryConcurrency() {
        int batchBytes = Target.BATCH_ITEMS * Target.BATCH_ITEM_BYTES;
        List<TargetOutcome> outcomes = TargetCheck.evaluate(run(
                closed(Target.PIPELINE_SESSION, Target.SESSION_BYTES, 8, 4, 2_000),
                closed(Target.RAW_S3_MULTIPART, Target.SESSION_BYTES, 8, 5, 1_000),
                closed(Target.PIPELINE_BATCH, batchBytes, 16, 10, 400),
                closed(Target.RAW_S3_BATCH, batchBytes, 16, 20, 150),
                closed(Target.PIPELINE_BATCH, batchBytes, 1, 8, 400),
                closed(Target.RAW_S3_BATCH, batchBytes, 1, 10, 150),
                // a session cell without its baseline is left out
                closed(Target.PIPELINE_SESSION, Target.SESSION_BYTES, 1, 4, 2_000)));

        assertThat(outcomes).extracting(TargetOutcome::target, TargetOutcome::measured, TargetOutcome::met)
                .containsExactly(
                        tuple("20 × 64 KiB at 1 in flight, $batch: throughput ≥ 0.80 × raw S3, 20 PUTs at once",
                                "8.0 batches/s against 10.0/s: 0.80 ×", true),
                        tuple("20 × 64 KiB at 16 in flight, $batch: throughput ≥ 0.80 × raw S3, 20 PUTs at once",
                                "10.0 batches/s against 20.0/s: 0.50 ×", false),
                        tuple("40 MiB at 8 in flight, upload session: throughput ≥ 0.80 × raw S3 multipart",
                                "4.0 sessions/s against 5.0/s: 0.80 ×", true));
    }

    @Test
    void aBaselineThatCompletedNothingIsNotMet() {
        assertThat(TargetCheck.evaluate(run(
                closed(Target.PIPELINE_MINIMAL, MIB, 16, 80, 250),
                closed(Target.RAW_S3, MIB, 16, 0, 200))))
                .singleElement()
                .satisfies(outcome -> assertThat(outcome.met()).isFalse());
    }

    @Test
    void memoryIsJudgedOnTheLargeSizesOnTheThresholds() {
        List<TargetOutcome> outcomes = TargetCheck.evaluate(memory(
                new MemoryUse(MIB, 64, 256L * MIB, 0, 0, 120L * MIB, 100L * MIB),
                new MemoryUse(LARGE, 16, 300L * MIB, 0, 0, 121L * MIB, 100L * MIB),
                new MemoryUse(LARGE, 64, 256L * MIB + 1, 0, 0, MIB, 0),
                // small payloads are dominated by the request around them: not judged
                new MemoryUse(KIB, 64, 900L * MIB, 0, 0, 900L * MIB, MIB)));

        assertThat(outcomes).extracting(TargetOutcome::measured, TargetOutcome::met).containsExactly(
                tuple("1.20 bytes per content byte (120.0 MiB for 100.0 MiB of content)", true),
                tuple("1.21 bytes per content byte (121.0 MiB for 100.0 MiB of content)", false),
                tuple("no content uploaded", false),
                tuple("256.0 MiB", true),
                tuple("256.0 MiB", false));
    }

    @Test
    void theFloorIsLeftOutWhenTheRunDidNotMeasureIt() {
        assertThat(TargetCheck.evaluate(run(withCpu(Target.PIPELINE_MINIMAL, LARGE,
                Map.of("ingest-api", 10.0)))))
                .singleElement()
                .satisfies(outcome -> assertThat(outcome.measured())
                        .isEqualTo("3.18 ns per content byte (10.0 ms per request)"));
    }

    @Test
    void targetsWhoseCellsWereNotMeasuredAreLeftOut() {
        assertThat(TargetCheck.evaluate(SampleRun.run(true,
                List.of(closed(Target.PIPELINE, 64 * KIB, 16, 100, 10),
                        closed(Target.RAW_S3, 64 * KIB, 16, 100, 10),
                        // a pipeline cell without its raw S3 counterpart cannot be compared
                        closed(Target.PIPELINE_MINIMAL, MIB, 16, 100, 10)),
                List.of(new MemoryUse(64 * KIB, 64, 900L * MIB, 0, 0, MIB, MIB)),
                List.of(new FloorCost(MIB, 1, 1, 1)))))
                .isEmpty();
    }

    private static Measurement withCpu(Target target, int size, Map<String, Double> cpu) {
        return new Measurement(target, Loop.CLOSED, size, 64, 0, 100, 0, 10, new Latency(1, 1, 1, 1, 1), 0.05, cpu);
    }

    private static BenchRun run(Measurement... measurements) {
        return SampleRun.run(false, List.of(measurements), List.of());
    }

    private static BenchRun memory(MemoryUse... memory) {
        return SampleRun.run(false, List.of(), List.of(memory));
    }
}
