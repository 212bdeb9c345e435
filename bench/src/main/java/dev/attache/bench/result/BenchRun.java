package dev.attache.bench.result;

import java.util.List;

/**
 * Everything one {@code attache bench} run measured: what the JSON result holds and what the report is made from.
 *
 * @param startedAt    ISO-8601 instant the run started
 * @param command      the command line as typed, to rerun it
 * @param machine      where it ran
 * @param settings     what it was asked to measure
 * @param measurements one per target, loop, payload size and concurrency, warm-up excluded
 * @param memory       ingest-api's memory during pipeline cells (empty when its process could not be observed)
 */
public record BenchRun(
        String startedAt,
        String command,
        Machine machine,
        Settings settings,
        List<Measurement> measurements,
        List<MemoryUse> memory) {

    public BenchRun {
        measurements = List.copyOf(measurements);
        memory = List.copyOf(memory);
    }
}
