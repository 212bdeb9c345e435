package dev.attache.local.process;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When to restart an app that exited on its own: at once the first time, then with a doubling back-off, and not at
 * all once it has needed {@code maxRestarts} restarts within {@code window} — an app that keeps dying needs a human,
 * and {@code up} then stops everything rather than run half a stack.
 *
 * @param firstDelay the back-off before the second restart within the window
 * @param maxDelay   the longest back-off
 */
public record RestartPolicy(int maxRestarts, Duration window, Duration firstDelay, Duration maxDelay) {

    /** Five restarts in ten minutes, waiting 0, 1, 2, 4, 8 s. */
    public static final RestartPolicy DEFAULT = new RestartPolicy(5, Duration.ofMinutes(10), Duration.ofSeconds(1),
            Duration.ofSeconds(30));

    /**
     * How long to wait before the next restart, given the times of the earlier ones, or empty to give up.
     *
     * @param restarts when the app was restarted before (any order; those outside the window are forgotten)
     */
    public Optional<Duration> nextDelay(List<Instant> restarts, Instant now) {
        long recent = restarts.stream().filter(t -> t.isAfter(now.minus(window))).count();
        if (recent >= maxRestarts) {
            return Optional.empty();
        }
        if (recent == 0) {
            return Optional.of(Duration.ZERO);
        }
        Duration delay = firstDelay.multipliedBy(1L << Math.min(recent - 1, 20));
        return Optional.of(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
    }
}
