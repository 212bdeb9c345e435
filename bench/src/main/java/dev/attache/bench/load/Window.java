package dev.attache.bench.load;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/**
 * The measured part of a slice, [start, end) in {@link System#nanoTime()}. Each operation is stamped with a time
 * (its completion in the closed loop, its intended send time in the open loop) and counted only if the stamp falls
 * inside; everything before is warm-up and discarded.
 */
final class Window {

    /** An hour in nanoseconds: above any latency a slice can see, kept at three significant digits. */
    static final long HIGHEST_TRACKABLE_NANOS = 3600L * 1_000_000_000L;

    private final long start;
    private final long end;
    private final Recorder recorder = new Recorder(HIGHEST_TRACKABLE_NANOS, 3);
    private final LongAdder operations = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final CpuMeter cpu;
    private Map<String, Long> cpuAtOpen = Map.of();
    private Map<String, Long> cpuUsed = Map.of();
    private final AtomicLong lastCounted = new AtomicLong(Long.MIN_VALUE);
    private long measuredUntil;

    Window(long start, long end, CpuMeter cpu) {
        this.start = start;
        this.end = end;
        this.cpu = cpu;
        this.measuredUntil = end;
    }

    long start() {
        return start;
    }

    long end() {
        return end;
    }

    void record(long stamp, long latencyNanos, Throwable error) {
        if (stamp < start || stamp >= end) {
            return;
        }
        if (error != null) {
            errors.increment();
        } else {
            operations.increment();
            recorder.recordValue(Math.min(Math.max(0, latencyNanos), HIGHEST_TRACKABLE_NANOS));
            lastCounted.accumulateAndGet(System.nanoTime(), Math::max);
        }
    }

    /** Blocks until the window opens, then reads the processes' CPU time. */
    void awaitOpen() {
        Clock.parkUntil(start);
        cpuAtOpen = cpu.read();
    }

    /** Blocks until the window closes, then reads the processes' CPU time. */
    void awaitClose() {
        Clock.parkUntil(end);
        cpuUsed = CpuMeter.between(cpuAtOpen, cpu.read());
    }

    /**
     * For a loop that counts operations by when they were due (the open loop): once the last of them has finished,
     * the window is taken to last until then, and the CPU read again, so a target that fell behind shows the rate it
     * achieved rather than the rate it was offered.
     */
    void extendToLastCounted() {
        measuredUntil = Math.max(end, lastCounted.get());
        cpuUsed = CpuMeter.between(cpuAtOpen, cpu.read());
    }

    /** @param unfinished operations of the window still running when the loop gave up waiting: errors */
    LoadResult result(long unfinished) {
        return new LoadResult(operations.sum(), errors.sum() + unfinished, measuredUntil - start,
                recorder.getIntervalHistogram(), cpuUsed);
    }
}
