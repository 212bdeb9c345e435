package dev.attache.bench.report;

import static dev.attache.bench.report.SampleRun.HEAP_AT_ONE;
import static dev.attache.bench.report.SampleRun.HEAP_BOUND_AT_64;
import static dev.attache.bench.report.SampleRun.KIB;
import static dev.attache.bench.report.SampleRun.LARGE;
import static dev.attache.bench.report.SampleRun.MIB;
import static dev.attache.bench.report.SampleRun.closed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.attache.bench.result.BenchRun;
import dev.attache.bench.result.Measurement;
import dev.attache.bench.result.MemoryUse;
import dev.attache.bench.result.Target;

class TargetCheckTest {

    @Test
    void judgesEveryTargetOfAFullRunInOrder() {
        assertThat(TargetCheck.evaluate(SampleRun.full())).containsExactly(
                new TargetOutcome("1 MiB at 16 in flight: pipeline throughput ≥ 0.80 × raw S3",
                        "pipeline 80.0 att/s, raw S3 100.0 ops/s: 0.80 ×", true),
                new TargetOutcome("1 MiB at 64 in flight: pipeline throughput ≥ 0.80 × raw S3",
                        "pipeline 79.0 att/s, raw S3 100.0 ops/s: 0.79 ×", false),
                new TargetOutcome("3 MiB − 1 KiB at 16 in flight: pipeline throughput ≥ 0.80 × raw S3",
                        "pipeline 30.0 att/s, raw S3 40.0 ops/s: 0.75 ×", false),
                new TargetOutcome("3 MiB − 1 KiB at 64 in flight: pipeline throughput ≥ 0.80 × raw S3",
                        "pipeline 36.0 att/s, raw S3 40.0 ops/s: 0.90 ×", true),
                new TargetOutcome("1 KiB at 64 in flight: pipeline throughput ≥ 0.50 × raw S3",
                        "pipeline 600.0 att/s, raw S3 1000.0 ops/s: 0.60 ×", true),
                new TargetOutcome("1 KiB at 64 in flight: pipeline p99 ≤ raw S3 p99 + 60.0 ms",
                        "pipeline 70.0 ms, raw S3 10.0 ms: +60.0 ms", true),
                new TargetOutcome("3 MiB − 1 KiB at 1 in flight: allocated ≤ 2.0 bytes per content byte",
                        "2.00 bytes per content byte (60.0 MiB for 30.0 MiB of content)", true),
                new TargetOutcome("3 MiB − 1 KiB at 64 in flight: allocated ≤ 2.0 bytes per content byte",
                        "2.50 bytes per content byte (75.0 MiB for 30.0 MiB of content)", false),
                new TargetOutcome(
                        "3 MiB − 1 KiB: peak heap ≤ peak at 1 in flight + in-flight buffers (2 payloads per request)"
                                + " + 64 MiB slack",
                        "peak 547.9 MiB at 64 in flight; bound 100.0 MiB + 64 × 2 × 3.0 MiB + 64 MiB = 547.9 MiB",
                        true));
    }

    @Test
    void smallPayloadsMissTheirTargetsJustPastTheThresholds() {
        List<TargetOutcome> outcomes = TargetCheck.evaluate(run(
                closed(Target.PIPELINE, KIB, 64, 490, 70.5),
                closed(Target.RAW_S3, KIB, 64, 1000, 10)));

        assertThat(outcomes).extracting(TargetOutcome::measured, TargetOutcome::met).containsExactly(
                tuple("pipeline 490.0 att/s, raw S3 1000.0 ops/s: 0.49 ×", false),
                tuple("pipeline 70.5 ms, raw S3 10.0 ms: +60.5 ms", false));
    }

    @Test
    void smallPayloadsMeetTheirTargetsExactlyOnTheThresholds() {
        assertThat(TargetCheck.evaluate(run(
                closed(Target.PIPELINE, KIB, 64, 500, 70),
                closed(Target.RAW_S3, KIB, 64, 1000, 10))))
                .extracting(TargetOutcome::met)
                .containsExactly(true, true);
    }

    @Test
    void aRawS3CellThatCompletedNothingIsNotMet() {
        assertThat(TargetCheck.evaluate(run(
                closed(Target.PIPELINE, MIB, 16, 80, 250),
                closed(Target.RAW_S3, MIB, 16, 0, 200))))
                .singleElement()
                .satisfies(outcome -> assertThat(outcome.met()).isFalse());
    }

    @Test
    void allocationJustAboveTwoOrWithNothingUploadedIsNotMet() {
        List<TargetOutcome> outcomes = TargetCheck.evaluate(memory(
                new MemoryUse(LARGE, 16, 0, 0, 0, 201L * MIB, 100L * MIB),
                new MemoryUse(LARGE, 64, 0, 0, 0, MIB, 0)));

        assertThat(outcomes).extracting(TargetOutcome::measured, TargetOutcome::met).containsExactly(
                tuple(
                        "2.01 bytes per content byte (201.0 MiB for 100.0 MiB of content)", false),
                tuple("no content uploaded", false));
    }

    @Test
    void heapOneByteAboveTheBoundIsNotMet() {
        List<TargetOutcome> outcomes = TargetCheck.evaluate(memory(
                heap(1, HEAP_AT_ONE),
                heap(16, 150L * MIB),
                heap(64, HEAP_BOUND_AT_64 + 1)));

        assertThat(outcomes).last().satisfies(outcome -> {
            assertThat(outcome.target()).startsWith("3 MiB − 1 KiB: peak heap");
            assertThat(outcome.met()).isFalse();
        });
    }

    @Test
    void heapIsJudgedAtTheHighestConcurrencyAgainstOneInFlight() {
        List<TargetOutcome> outcomes = TargetCheck.evaluate(memory(
                heap(16, 10_000L * MIB),
                heap(64, HEAP_AT_ONE + 64L * MIB),
                heap(1, HEAP_AT_ONE)));

        assertThat(outcomes).last().satisfies(outcome -> {
            assertThat(outcome.measured()).startsWith("peak 164.0 MiB at 64 in flight; bound 100.0 MiB + 64 × ");
            assertThat(outcome.met()).isTrue();
        });
    }

    @Test
    void targetsWhoseCellsWereNotMeasuredAreLeftOut() {
        assertThat(TargetCheck.evaluate(SampleRun.run(true,
                List.of(closed(Target.PIPELINE, 64 * KIB, 16, 100, 10),
                        closed(Target.RAW_S3, 64 * KIB, 16, 100, 10),
                        // a pipeline cell without its raw S3 counterpart cannot be compared
                        closed(Target.PIPELINE, MIB, 16, 100, 10)),
                List.of(new MemoryUse(MIB, 1, HEAP_AT_ONE, 0, 0, MIB, MIB),
                        new MemoryUse(MIB, 64, HEAP_BOUND_AT_64 * 2, 0, 0, MIB, MIB)))))
                .isEmpty();
    }

    @Test
    void heapIsNotJudgedWithoutOneRequestInFlightToCompareWith() {
        assertThat(TargetCheck.evaluate(memory(heap(16, HEAP_AT_ONE), heap(64, HEAP_BOUND_AT_64 * 2))))
                .extracting(TargetOutcome::target)
                .containsExactly(
                        "3 MiB − 1 KiB at 16 in flight: allocated ≤ 2.0 bytes per content byte",
                        "3 MiB − 1 KiB at 64 in flight: allocated ≤ 2.0 bytes per content byte");
    }

    private static MemoryUse heap(int concurrency, long peakHeapBytes) {
        return new MemoryUse(LARGE, concurrency, peakHeapBytes, 0, 0, MIB, MIB);
    }

    private static BenchRun run(Measurement... measurements) {
        return SampleRun.run(false, List.of(measurements), List.of());
    }

    private static BenchRun memory(MemoryUse... memory) {
        return SampleRun.run(false, List.of(), List.of(memory));
    }
}
