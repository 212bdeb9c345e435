package dev.attache.bench.load;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * A fixed number of operations in flight: each completion sends the next, until the window closes. Throughput is
 * what the target sustains at that concurrency; latency is measured from each send.
 *
 * <p>Completions hop to {@code driver} before sending the next operation, so a target that completes on its own
 * I/O thread is not made to do the next request's work there (and an already-completed future cannot recurse).
 */
public final class ClosedLoop {

    private final Executor driver;
    private final CpuMeter cpu;

    public ClosedLoop(Executor driver, CpuMeter cpu) {
        this.driver = driver;
        this.cpu = cpu;
    }

    /**
     * @param warmup discarded before the window opens
     * @param drain  how long operations still in flight at the end may take before they count as errors
     */
    public LoadResult run(Operation operation, int concurrency, Duration warmup, Duration measure, Duration drain)
            throws InterruptedException {
        return run(operation, concurrency, warmup, measure, drain, WindowObserver.NONE);
    }

    public LoadResult run(Operation operation, int concurrency, Duration warmup, Duration measure, Duration drain,
            WindowObserver observer) throws InterruptedException {
        long now = System.nanoTime();
        Window window = new Window(now + warmup.toNanos(), now + warmup.toNanos() + measure.toNanos(), cpu);
        CountDownLatch stopped = new CountDownLatch(concurrency);
        for (int i = 0; i < concurrency; i++) {
            driver.execute(() -> next(operation, window, stopped));
        }
        window.awaitOpen();
        observer.opened();
        window.awaitClose();
        observer.closed();
        boolean drained = stopped.await(drain.toMillis(), TimeUnit.MILLISECONDS);
        return window.result(drained ? 0 : stopped.getCount());
    }

    private void next(Operation operation, Window window, CountDownLatch stopped) {
        long sent = System.nanoTime();
        if (sent >= window.end()) {
            stopped.countDown();
            return;
        }
        start(operation).whenComplete((ignored, error) -> {
            long completed = System.nanoTime();
            window.record(completed, completed - sent, error);
            driver.execute(() -> next(operation, window, stopped));
        });
    }

    static CompletableFuture<?> start(Operation operation) {
        try {
            return operation.start();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
