package dev.attache.bench.memory;

import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;

/** The target's heap memory pools, by name: usage maps of collections also hold the non-heap pools. */
record HeapPools(Set<String> names) {

    HeapPools {
        names = Set.copyOf(names);
    }

    long used(Map<String, MemoryUsage> usageByPool) {
        return usageByPool.entrySet().stream()
                .filter(pool -> names.contains(pool.getKey()))
                .mapToLong(pool -> pool.getValue().getUsed())
                .sum();
    }
}
