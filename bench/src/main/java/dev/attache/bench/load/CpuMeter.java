package dev.attache.bench.load;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the CPU time used so far by each process of interest (the load generator itself, and the deployment's
 * processes on this machine), so a window can tell what each spent per operation. A process that is gone, or whose
 * CPU time the OS does not report, reads as absent.
 */
public final class CpuMeter {

    /** The name the load generator's own process goes by. */
    public static final String LOAD_GENERATOR = "load generator";

    private final Map<String, ProcessHandle> processes;

    /** @param processes other processes to observe, by the name the report gives them */
    public CpuMeter(Map<String, Long> processes) {
        this.processes = new LinkedHashMap<>();
        processes.forEach((name, pid) -> ProcessHandle.of(pid).ifPresent(handle -> this.processes.put(name, handle)));
    }

    /** CPU nanoseconds used so far, per process. */
    Map<String, Long> read() {
        Map<String, Long> used = new LinkedHashMap<>();
        used.put(LOAD_GENERATOR, ((com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime());
        processes.forEach((name, handle) -> handle.info().totalCpuDuration()
                .map(Duration::toNanos)
                .ifPresent(nanos -> used.put(name, nanos)));
        return used;
    }

    /** What was used between two readings, per process read both times. */
    static Map<String, Long> between(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> used = new LinkedHashMap<>();
        after.forEach((name, nanos) -> {
            Long start = before.get(name);
            if (start != null) {
                used.put(name, nanos - start);
            }
        });
        return used;
    }
}
