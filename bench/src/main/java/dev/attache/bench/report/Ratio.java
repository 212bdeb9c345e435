package dev.attache.bench.report;

/**
 * The pipeline against raw S3 in one closed-loop cell: what the pipeline costs over storing the same bytes directly.
 *
 * @param throughput pipeline operations per second ÷ raw S3 operations per second (1 = no cost)
 * @param p99        pipeline p99 ÷ raw S3 p99
 * @param p99DeltaMs pipeline p99 − raw S3 p99, in milliseconds: the latency the pipeline adds
 */
public record Ratio(int payloadBytes, int concurrency, double throughput, double p99, double p99DeltaMs) {
}
