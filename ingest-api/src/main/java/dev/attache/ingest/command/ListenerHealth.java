package dev.attache.ingest.command;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How the reply listener is doing, from what its loop reports: a pure record of events and a clock, so the health
 * decisions are tested without a broker.
 *
 * <ul>
 *   <li><b>ready</b>: positioned on the replies topic and its last poll succeeded. A request sent otherwise could not
 *       be answered: it would wait and get a {@code 202};</li>
 *   <li><b>live</b>: the loop runs and has polled successfully within {@code stuckAfter}. A broker that is merely
 *       unreachable does not fail a poll (the consumer keeps retrying inside it), so only a listener that keeps
 *       failing — refused credentials, a consumer that cannot be rebuilt — goes un-live, and a restart is the
 *       remedy left.</li>
 * </ul>
 */
final class ListenerHealth {

    private final LongSupplier nanoClock;
    private final long stuckAfterNanos;
    private volatile long lastSuccess;
    private volatile int consecutiveFailures;
    private volatile boolean positioned;
    private volatile boolean stopped;
    private volatile String lastFailure;

    ListenerHealth(Duration stuckAfter, LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.stuckAfterNanos = stuckAfter.toNanos();
        this.lastSuccess = nanoClock.getAsLong();
    }

    void polled() {
        lastSuccess = nanoClock.getAsLong();
        consecutiveFailures = 0;
    }

    void positioned() {
        positioned = true;
    }

    void failed(Throwable failure) {
        consecutiveFailures++;
        lastFailure = failure.toString();
    }

    /**
     * The broker could not be reached: not ready (nothing can be answered), but live — restarting the process would
     * not bring the broker back, and the loop goes on trying.
     */
    void unreachable(Throwable failure) {
        failed(failure);
        lastSuccess = nanoClock.getAsLong();
    }

    /** The loop ended: closed on purpose, or died. Either way it answers nothing from now on. */
    void stopped() {
        stopped = true;
    }

    boolean ready() {
        return !stopped && positioned && consecutiveFailures == 0;
    }

    boolean live() {
        return !stopped && nanoClock.getAsLong() - lastSuccess < stuckAfterNanos;
    }

    boolean isPositioned() {
        return positioned;
    }

    int consecutiveFailures() {
        return consecutiveFailures;
    }

    String lastFailure() {
        return lastFailure;
    }
}
