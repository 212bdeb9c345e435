package dev.attache.bench.load;

import java.util.concurrent.locks.LockSupport;

/** Waiting for a point in {@link System#nanoTime()}: the schedule of a load, not a synchronisation. */
final class Clock {

    private Clock() {
    }

    static void parkUntil(long deadline) {
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the load's schedule");
            }
        }
    }
}
