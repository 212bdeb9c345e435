package dev.attache.bench.floor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.attache.bench.result.FloorCost;

class FloorProbeTest {

    @Test
    void measuresEachPrimitivePerContentByteForEverySize() {
        List<FloorCost> floor = new FloorProbe(Duration.ofMillis(20), Duration.ofMillis(50))
                .measure(List.of(1024, 64 * 1024));

        assertThat(floor).extracting(FloorCost::payloadBytes).containsExactly(1024, 64 * 1024);
        assertThat(floor).allSatisfy(cost -> {
            // work was done and timed, in nanoseconds per byte (a unit slip would give 0 or infinity)
            assertThat(cost.decodeNanosPerByte()).isPositive().isFinite();
            assertThat(cost.hashNanosPerByte()).isPositive().isFinite();
            assertThat(cost.copyNanosPerByte()).isPositive().isFinite();
            assertThat(cost.nanosPerByte()).isEqualTo(
                    cost.decodeNanosPerByte() + cost.hashNanosPerByte() + cost.copyNanosPerByte());
        });
    }
}
