package dev.attache.bench.result;

import java.util.List;

/**
 * What a run was asked to measure.
 *
 * @param quick         the short run ({@code --quick})
 * @param deployment    "embedded" or the URL of the ingest-api measured
 * @param payloadSizes  file content sizes in bytes
 * @param concurrencies requests in flight (closed loop)
 * @param initialWarmupSeconds before anything was measured, per size, for the pipeline and raw S3 each
 * @param warmupSeconds discarded at the start of every slice
 * @param sliceSeconds  measured per slice
 * @param rounds        slices per target and cell, alternated pipeline / raw S3 so drift hits both
 * @param openLoadFraction open-loop arrival rate as a fraction of the pipeline's closed-loop throughput
 */
public record Settings(
        boolean quick,
        String deployment,
        List<Integer> payloadSizes,
        List<Integer> concurrencies,
        double initialWarmupSeconds,
        double warmupSeconds,
        double sliceSeconds,
        int rounds,
        double openLoadFraction) {

    public Settings {
        payloadSizes = List.copyOf(payloadSizes);
        concurrencies = List.copyOf(concurrencies);
    }
}
