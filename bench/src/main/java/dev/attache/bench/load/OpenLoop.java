package dev.attache.bench.load;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A fixed arrival rate: operation {@code i} is due at {@code start + i / rate}, whatever happened to the ones before.
 * Latency counts from that intended time, so when the target falls behind, the wait to be sent is in the numbers
 * instead of silently lowering the load (coordinated omission).
 *
 * <p>At most {@code maxInFlight} operations run at once; a due operation that finds no free slot waits for one,
 * and that wait is part of its latency too.
 */
public final class OpenLoop {

    private final CpuMeter cpu;

    public OpenLoop(CpuMeter cpu) {
        this.cpu = cpu;
    }

    public LoadResult run(Operation operation, double perSecond, int maxInFlight, Duration warmup, Duration measure,
            Duration drain) throws InterruptedException {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("arrival rate must be positive: " + perSecond);
        }
        double interval = 1_000_000_000d / perSecond;
        long origin = System.nanoTime();
        Window window = new Window(origin + warmup.toNanos(), origin + warmup.toNanos() + measure.toNanos(), cpu);
        Semaphore slots = new Semaphore(maxInFlight);
        boolean opened = false;
        for (long i = 0; ; i++) {
            long intended = origin + (long) (i * interval);
            if (intended >= window.end()) {
                break;
            }
            if (!opened && intended >= window.start()) {
                window.awaitOpen();
                opened = true;
            }
            Clock.parkUntil(intended);
            slots.acquire();
            ClosedLoop.start(operation).whenComplete((ignored, error) -> {
                window.record(intended, System.nanoTime() - intended, error);
                slots.release();
            });
        }
        if (!opened) {
            window.awaitOpen();
        }
        window.awaitClose();
        boolean drained = slots.tryAcquire(maxInFlight, drain.toMillis(), TimeUnit.MILLISECONDS);
        window.extendToLastCounted();
        return window.result(drained ? 0 : maxInFlight - slots.availablePermits());
    }
}
