package dev.attache.bench.result;

import java.util.List;
import java.util.Optional;

/**
 * Everything one {@code attache bench} run measured: what the JSON result holds and what the report is made from.
 *
 * @param startedAt    ISO-8601 instant the run started
 * @param command      the command line as typed, to rerun it
 * @param machine      where it ran
 * @param settings     what it was asked to measure
 * @param measurements one per target, loop, payload size and concurrency, warm-up excluded
 * @param memory       ingest-api's memory during pipeline cells (empty when its process could not be observed)
 * @param floor        the floor of the ingest path per payload size, measured in the same run (empty in results
 *                     written before it was measured)
 */
public record BenchRun(
        String startedAt,
        String command,
        Machine machine,
        Settings settings,
        List<Measurement> measurements,
        List<MemoryUse> memory,
        List<FloorCost> floor) {

    public BenchRun {
        measurements = List.copyOf(measurements);
        memory = List.copyOf(memory);
        floor = floor == null ? List.of() : List.copyOf(floor);
    }

    /** The floor measured for {@code payloadBytes}, if the run measured it. */
    public Optional<FloorCost> floor(int payloadBytes) {
        return floor.stream().filter(cost -> cost.payloadBytes() == payloadBytes).findFirst();
    }

    /** The measurement of one target under one load, if the run took it (a quick run skips most cells). */
    public Optional<Measurement> measurement(Target target, Loop loop, int payloadBytes, int concurrency) {
        return measurements.stream()
                .filter(m -> m.target() == target && m.loop() == loop
                        && m.payloadBytes() == payloadBytes && m.concurrency() == concurrency)
                .findFirst();
    }
}
