package dev.attache.bench.report;

import java.util.Comparator;
import java.util.List;

import dev.attache.bench.result.BenchRun;
import dev.attache.bench.result.Loop;
import dev.attache.bench.result.Measurement;
import dev.attache.bench.result.Target;

/**
 * The pipeline against raw S3, cell by cell. Closed loop only: both were offered the same concurrency there, while
 * open-loop rates are derived from the pipeline's own throughput and would not compare like with like.
 */
public final class Ratios {

    private Ratios() {
    }

    /** One ratio per closed-loop cell measured for both, by payload size then concurrency. */
    public static List<Ratio> of(BenchRun run) {
        return between(run, Target.PIPELINE, Target.RAW_S3);
    }

    /**
     * The same for another path of the pipeline against its own baseline: {@code return=minimal} against raw S3,
     * {@code $batch} against the same objects PUT at once.
     */
    public static List<Ratio> between(BenchRun run, Target target, Target baseline) {
        return run.measurements().stream()
                .filter(m -> m.target() == target && m.loop() == Loop.CLOSED)
                .flatMap(pipeline -> run.measurement(baseline, Loop.CLOSED, pipeline.payloadBytes(),
                                pipeline.concurrency())
                        .map(rawS3 -> of(pipeline, rawS3))
                        .stream())
                .sorted(Comparator.comparingInt(Ratio::payloadBytes).thenComparingInt(Ratio::concurrency))
                .toList();
    }

    // A raw S3 cell that completed nothing gives an infinite or NaN ratio: the report shows it as missing
    // and the targets count it as not met, rather than dividing it away.
    private static Ratio of(Measurement pipeline, Measurement rawS3) {
        return new Ratio(
                pipeline.payloadBytes(),
                pipeline.concurrency(),
                pipeline.operationsPerSecond() / rawS3.operationsPerSecond(),
                pipeline.latency().p99() / rawS3.latency().p99(),
                pipeline.latency().p99() - rawS3.latency().p99());
    }
}
