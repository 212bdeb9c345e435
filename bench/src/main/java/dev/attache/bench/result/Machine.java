package dev.attache.bench.result;

/**
 * The machine a run was measured on; every service of the embedded stack shares it with the load generator.
 *
 * @param cpuModel    from /proc/cpuinfo, or the os.arch when unknown
 * @param memoryBytes physical memory
 * @param java        the load generator's java.vm.name and java.version
 */
public record Machine(String os, String cpuModel, int cpus, long memoryBytes, String java) {
}
