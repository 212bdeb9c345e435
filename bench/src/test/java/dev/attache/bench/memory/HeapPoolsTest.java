package dev.attache.bench.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HeapPoolsTest {

    @Test
    void sumsTheHeapPoolsOnly() {
        var usage = Map.of(
                "G1 Eden Space", new MemoryUsage(0, 10, 20, -1),
                "G1 Old Gen", new MemoryUsage(0, 30, 40, 100),
                "Metaspace", new MemoryUsage(0, 1000, 1000, -1));

        assertThat(new HeapPools(Set.of("G1 Eden Space", "G1 Old Gen")).used(usage)).isEqualTo(40);
    }
}
