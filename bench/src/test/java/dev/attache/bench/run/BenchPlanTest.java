package dev.attache.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class BenchPlanTest {

    static final Duration WARMUP = Duration.ofSeconds(1);
    static final Duration SLICE = Duration.ofSeconds(2);

    static BenchPlan plan(List<Integer> sizes, List<Integer> concurrencies, Duration warmup, Duration slice,
            int rounds, double openLoad) {
        return new BenchPlan(false, sizes, concurrencies, warmup, warmup, slice, rounds, List.of(), openLoad, true);
    }

    static BenchPlan plan(Duration warmup, Duration slice, int rounds) {
        return plan(List.of(1024), List.of(1), warmup, slice, rounds, 0.7);
    }

    @Test
    void theBuiltInPlansAreValid() {
        assertThat(BenchPlan.fullRun().payloadSizes()).containsExactly(1024, 65536, 1048576, 3144704);
        assertThat(BenchPlan.fullRun().maxConcurrency()).isEqualTo(64);
        assertThat(BenchPlan.quickRun().quick()).isTrue();
        assertThat(BenchPlan.quickRun().openLoopSizes()).isSubsetOf(BenchPlan.quickRun().payloadSizes());
    }

    @Test
    void needsAtLeastOneSizeAndOneConcurrency() {
        assertThatThrownBy(() -> plan(List.of(), List.of(1), WARMUP, SLICE, 1, 0.7))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
        assertThatThrownBy(() -> plan(List.of(1024), List.of(), WARMUP, SLICE, 1, 0.7))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
    }

    @Test
    void sizesAndConcurrenciesMustBePositive() {
        assertThatThrownBy(() -> plan(List.of(1024, 0), List.of(1), WARMUP, SLICE, 1, 0.7))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> plan(List.of(1024), List.of(4, -1), WARMUP, SLICE, 1, 0.7))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatCode(() -> plan(List.of(1), List.of(1), WARMUP, SLICE, 1, 0.7)).doesNotThrowAnyException();
    }

    @Test
    void roundsSliceAndWarmupAreChecked() {
        assertThatThrownBy(() -> plan(WARMUP, SLICE, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rounds");
        assertThatThrownBy(() -> plan(WARMUP, Duration.ZERO, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> plan(WARMUP, Duration.ofSeconds(-1), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> plan(Duration.ofMillis(-1), SLICE, 1)).isInstanceOf(IllegalArgumentException.class);
        // no warm-up at all is a choice, not a mistake
        assertThatCode(() -> plan(Duration.ZERO, Duration.ofMillis(1), 1)).doesNotThrowAnyException();
    }

    @Test
    void theOpenLoadFractionIsAboveZeroAndAtMostOneAndAHalf() {
        for (double wrong : new double[] {0, -0.5, 1.51, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> plan(List.of(1024), List.of(1), WARMUP, SLICE, 1, wrong))
                    .as("fraction %s", wrong).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("open-loop load fraction");
        }
        assertThatCode(() -> plan(List.of(1024), List.of(1), WARMUP, SLICE, 1, 1.5)).doesNotThrowAnyException();
        assertThatCode(() -> plan(List.of(1024), List.of(1), WARMUP, SLICE, 1, 0.01)).doesNotThrowAnyException();
    }

    /** The plan keeps its own copies: changing the lists it was made from changes nothing it will run. */
    @Test
    void keepsItsOwnCopiesOfTheLists() {
        List<Integer> sizes = new ArrayList<>(List.of(1024));
        List<Integer> concurrencies = new ArrayList<>(List.of(1, 16));
        BenchPlan plan = plan(sizes, concurrencies, WARMUP, SLICE, 1, 0.7);

        sizes.add(0);
        concurrencies.add(64);

        assertThat(plan.payloadSizes()).containsExactly(1024);
        assertThat(plan.concurrencies()).containsExactly(1, 16);
        assertThat(plan.maxConcurrency()).isEqualTo(16);
    }
}
