package dev.attache.bench.report;

/**
 * One of the targets, as this run measured it.
 *
 * @param target   what was aimed at, e.g. "1 MiB at 16 in flight: pipeline throughput ≥ 0.8 × raw S3"
 * @param measured the figures the verdict rests on, so a reader can check it
 */
public record TargetOutcome(String target, String measured, boolean met) {
}
