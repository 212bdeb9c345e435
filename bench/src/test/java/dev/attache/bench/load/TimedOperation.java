package dev.attache.bench.load;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * A stand-in for a remote call: it completes a fixed time after it starts, on a timer thread of its own (as a client
 * library completes on its I/O thread), and fails when {@code fails} says so for its start number. It counts what
 * happened, so a test can compare the loop's figures with what really ran.
 */
final class TimedOperation implements Operation, AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "timed-operation");
        thread.setDaemon(true);
        return thread;
    });
    private final long delayNanos;
    private final IntPredicate fails;
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    TimedOperation(Duration delay, IntPredicate fails) {
        this.delayNanos = delay.toNanos();
        this.fails = fails;
    }

    static TimedOperation succeedingAfter(Duration delay) {
        return new TimedOperation(delay, n -> false);
    }

    @Override
    public CompletableFuture<?> start() {
        int n = started.getAndIncrement();
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        CompletableFuture<Void> done = new CompletableFuture<>();
        timer.schedule(() -> {
            // counted as finished before the loop hears of it, so the loop's next start never overlaps this one
            inFlight.decrementAndGet();
            completed.incrementAndGet();
            if (fails.test(n)) {
                done.completeExceptionally(new IOException("refused #" + n));
            } else {
                done.complete(null);
            }
        }, delayNanos, TimeUnit.NANOSECONDS);
        return done;
    }

    int started() {
        return started.get();
    }

    int completed() {
        return completed.get();
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
