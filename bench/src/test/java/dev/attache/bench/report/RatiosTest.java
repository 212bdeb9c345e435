package dev.attache.bench.report;

import static dev.attache.bench.report.SampleRun.KIB;
import static dev.attache.bench.report.SampleRun.LARGE;
import static dev.attache.bench.report.SampleRun.MIB;
import static dev.attache.bench.report.SampleRun.closed;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.attache.bench.result.Target;

class RatiosTest {

    @Test
    void comparesEveryClosedLoopCellMeasuredForBothBySizeThenConcurrency() {
        assertThat(Ratios.of(SampleRun.full())).containsExactly(
                new Ratio(KIB, 64, 0.6, 7.0, 60),
                new Ratio(MIB, 16, 0.8, 1.25, 50),
                new Ratio(MIB, 64, 0.79, 1.125, 100),
                new Ratio(LARGE, 16, 0.75, 1.2, 100),
                new Ratio(LARGE, 64, 0.9, 1.25, 400));
    }

    @Test
    void aCellWithoutRawS3OrRawKafkaOnlyHasNoRatio() {
        assertThat(Ratios.of(SampleRun.run(true, List.of(
                closed(Target.PIPELINE, KIB, 1, 100, 5),
                closed(Target.RAW_KAFKA, KIB, 1, 100, 5),
                closed(Target.RAW_S3, MIB, 1, 100, 5)), List.of()))).isEmpty();
    }

    @Test
    void aRawS3CellThatCompletedNothingGivesNoFiniteThroughputRatio() {
        List<Ratio> ratios = Ratios.of(SampleRun.run(true, List.of(
                closed(Target.PIPELINE, KIB, 1, 100, 5),
                closed(Target.RAW_S3, KIB, 1, 0, 5)), List.of()));

        assertThat(ratios).singleElement().satisfies(r -> assertThat(r.throughput()).isInfinite());
    }
}
