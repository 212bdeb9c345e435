package dev.attache.bench.result;

/** Latency percentiles in milliseconds, read from an HdrHistogram. */
public record Latency(double p50, double p95, double p99, double max, double mean) {
}
