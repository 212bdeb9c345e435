package dev.attache.bench.result;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One target under one load, all rounds merged, warm-up excluded.
 *
 * @param payloadBytes content bytes per operation (for RAW_KAFKA, the record's size)
 * @param concurrency  requests in flight (closed loop) or the in-flight cap (open loop)
 * @param offeredPerSecond open-loop arrival rate; 0 for the closed loop
 * @param operations   completed without error in the measured windows
 * @param errors       failed or unexpected responses in the measured windows
 * @param seconds      length of the measured windows, summed
 * @param clientCpuShare the load generator's CPU time ÷ (wall time × cores) while measuring
 * @param cpuMillisPerOperation CPU milliseconds each observed process (load generator, ingest-api, processor, the
 *     Kafka + S3 servers) spent per completed operation while measuring; where the machine's cores went
 */
public record Measurement(
        Target target,
        Loop loop,
        int payloadBytes,
        int concurrency,
        double offeredPerSecond,
        long operations,
        long errors,
        double seconds,
        Latency latency,
        double clientCpuShare,
        Map<String, Double> cpuMillisPerOperation) {

    public Measurement {
        cpuMillisPerOperation = cpuMillisPerOperation == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(cpuMillisPerOperation));
    }

    public double operationsPerSecond() {
        return seconds == 0 ? 0 : operations / seconds;
    }

    public double mebibytesPerSecond() {
        return operationsPerSecond() * payloadBytes / (1024.0 * 1024.0);
    }
}
