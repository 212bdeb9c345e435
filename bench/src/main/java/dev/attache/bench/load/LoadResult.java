package dev.attache.bench.load;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one measured window saw: warm-up completions are not in it.
 *
 * @param latencies nanoseconds per completed operation (errors excluded)
 * @param cpuNanos  CPU time each observed process used during the window
 */
public record LoadResult(long operations, long errors, long windowNanos, Histogram latencies,
        Map<String, Long> cpuNanos) {

    public LoadResult {
        cpuNanos = Collections.unmodifiableMap(new LinkedHashMap<>(cpuNanos));
    }

    /** Merges the windows of several slices of the same cell. */
    public LoadResult plus(LoadResult other) {
        Histogram merged = latencies.copy();
        merged.add(other.latencies);
        Map<String, Long> cpu = new LinkedHashMap<>(cpuNanos);
        other.cpuNanos.forEach((name, nanos) -> cpu.merge(name, nanos, Long::sum));
        return new LoadResult(operations + other.operations, errors + other.errors,
                windowNanos + other.windowNanos, merged, cpu);
    }
}
