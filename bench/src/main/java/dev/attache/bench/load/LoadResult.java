package dev.attache.bench.load;

import org.HdrHistogram.Histogram;

/**
 * What one measured window saw: warm-up completions are not in it.
 *
 * @param latencies   nanoseconds per completed operation (errors excluded)
 * @param cpuNanos    CPU time the load generator's process used during the window
 */
public record LoadResult(long operations, long errors, long windowNanos, Histogram latencies, long cpuNanos) {

    /** Merges the windows of several slices of the same cell. */
    public LoadResult plus(LoadResult other) {
        Histogram merged = latencies.copy();
        merged.add(other.latencies);
        return new LoadResult(operations + other.operations, errors + other.errors,
                windowNanos + other.windowNanos, merged, cpuNanos + other.cpuNanos);
    }
}
