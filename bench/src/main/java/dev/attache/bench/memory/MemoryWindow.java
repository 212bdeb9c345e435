package dev.attache.bench.memory;

import dev.attache.bench.result.MemoryUse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The target JVM's memory from {@link JvmProcessProbe#openWindow()} to {@link #close(int, int, long)}.
 *
 * <p>Peak heap: the highest of (a) the heap in use at the start and end of each collection in the window, as the
 * collectors report it, and (b) the heap in use sampled every {@value #SAMPLING_MILLIS} ms and at both ends.
 * With a stop-the-world collector (G1, Parallel, Serial) the heap only shrinks in a collection, so (a) hits every
 * peak exactly and (b) only adds the rise after the last collection. (A concurrent collector's cycle, or a G1
 * remark or cleanup pause, which JDK 17 does not report, can free memory unseen; a peak just before it is then
 * known only to the last sample.)
 *
 * <p>The heap pools' own peaks are not used: each pool peaks at a different moment (eden just before a young
 * collection, old gen later), so their sum overstates the heap's peak, by up to the size of eden. Nor is their
 * collection usage: on JDK 17 a G1 young collection leaves the old gen's at 0. Heap after GC is the heap in use
 * when the most recent collection ended, as that collection reports it.
 *
 * <p>Peak RSS: the kernel's high-water mark (VmHWM), reset when the window opened, if that reset worked; in any
 * case at least the highest VmRSS sampled. Without the reset VmHWM would include the warm-up and the start-up,
 * and sampling alone can miss a short spike.
 *
 * <p>Cost to the target: one JMX round trip per sample, one notification per collection, a handful of round
 * trips when the window opens and closes. Serving them allocates in the target, and that is counted in the
 * allocated bytes: about 12 KiB a sample on JDK 17, some 250 KiB/s.
 */
public final class MemoryWindow implements AutoCloseable {

    static final long SAMPLING_MILLIS = 50;
    static final Duration SAMPLING_INTERVAL = Duration.ofMillis(SAMPLING_MILLIS);

    /** Collection reports trail the collection count by milliseconds; this is for a target that stopped sending. */
    private static final Duration REPORT_WAIT = Duration.ofSeconds(5);
    private static final Duration SAMPLER_STOP_WAIT = Duration.ofSeconds(5);

    private final JvmProcessProbe probe;
    private final CollectionLog collections;
    private final Map<String, Long> collectionsBefore;
    private final long allocatedBefore;
    private final boolean peakResidentReset;
    private final AtomicLong peakHeapSampled = new AtomicLong();
    private final AtomicLong peakResidentSampled = new AtomicLong();
    private final AtomicReference<IOException> samplingFailure = new AtomicReference<>();
    private final ScheduledExecutorService sampler;
    private volatile boolean closed;

    private MemoryWindow(JvmProcessProbe probe, CollectionLog collections, Map<String, Long> collectionsBefore,
                         long allocatedBefore, boolean peakResidentReset, Duration samplingInterval) {
        this.probe = probe;
        this.collections = collections;
        this.collectionsBefore = collectionsBefore;
        this.allocatedBefore = allocatedBefore;
        this.peakResidentReset = peakResidentReset;
        this.sampler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "memory-sampler-" + probe.pid());
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleWithFixedDelay(this::sampleInBackground,
                samplingInterval.toNanos(), samplingInterval.toNanos(), TimeUnit.NANOSECONDS);
    }

    static MemoryWindow open(JvmProcessProbe probe, Duration samplingInterval) throws IOException {
        CollectionLog collections = new CollectionLog(probe.heapPools());
        // Listen before reading the counts: a collection in between then has a number at most the baseline's
        // and is left out, rather than counted but never reported.
        probe.addCollectionListener(collections);
        MemoryWindow window = null;
        try {
            Map<String, Long> collectionsBefore = probe.collectionCounts();
            long allocatedBefore = probe.allocatedBytes();
            boolean peakResidentReset = probe.tryResetPeakResident();
            window = new MemoryWindow(probe, collections, collectionsBefore, allocatedBefore, peakResidentReset,
                    samplingInterval);
            window.sample();
            return window;
        } catch (IOException | RuntimeException e) {
            if (window != null) {
                window.close();
            } else {
                try {
                    probe.removeCollectionListener(collections);
                } catch (IOException | RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    /** Whether the kernel's peak RSS mark was reset when the window opened; if not, peak RSS is sampled only. */
    public boolean peakResidentReset() {
        return peakResidentReset;
    }

    /**
     * Stops measuring and returns what the window saw.
     *
     * @param contentBytes file content bytes uploaded while the window was open, for bytes allocated per byte
     * @throws IOException if the target could not be read (it exited, or the connection was lost), now or while
     *                     sampling; the memory is then not measured
     * @throws IllegalStateException if the window is already closed
     */
    public MemoryUse close(int payloadBytes, int concurrency, long contentBytes) throws IOException {
        if (closed) {
            throw new IllegalStateException("memory window on JVM process " + probe.pid() + " already closed");
        }
        try {
            stopSampling();
            IOException failure = samplingFailure.get();
            if (failure != null) {
                throw new IOException("lost JVM process " + probe.pid() + " while sampling: " + failure.getMessage(),
                        failure);
            }
            long heapUsedNow = sample();
            long allocated = probe.allocatedBytes() - allocatedBefore;
            Map<String, Long> collectionsNow = probe.collectionCounts();
            // Reports still missing after the wait mean the target stopped sending them; the peak then rests on
            // those that came and on the samples.
            collections.awaitThrough(collectionsBefore, collectionsNow, REPORT_WAIT);
            long peakHeap = Math.max(peakHeapSampled.get(), collections.peakHeapUsedSince(collectionsBefore));
            // No collection yet: everything allocated is still there, so the heap in use bounds what stays live.
            long heapAfterGc = probe.heapUsedAfterLastCollection().orElse(heapUsedNow);
            ProcStatus status = probe.procStatus();
            long peakResident = Math.max(peakResidentSampled.get(),
                    peakResidentReset ? status.peakResidentBytes() : status.residentBytes());
            return new MemoryUse(payloadBytes, concurrency, peakHeap, heapAfterGc, peakResident, allocated,
                    contentBytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            var interrupted = new InterruptedIOException("interrupted while closing the memory window on JVM process "
                    + probe.pid());
            interrupted.initCause(e);
            throw interrupted;
        } finally {
            close();
        }
    }

    /** Stops measuring without a result; does nothing once closed. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        sampler.shutdown();
        try {
            probe.removeCollectionListener(collections);
        } catch (IOException | RuntimeException ignored) {
            // the connection is gone, and the listener with it
        } finally {
            probe.windowClosed(this);
        }
    }

    private void stopSampling() throws InterruptedException {
        // Not shutdownNow, here or in close(): interrupting a sample mid-call could break the shared JMX connection.
        sampler.shutdown();
        sampler.awaitTermination(SAMPLER_STOP_WAIT.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void sampleInBackground() {
        try {
            sample();
        } catch (IOException e) {
            samplingFailure.compareAndSet(null, e);
            // Thrown out of a periodic task, it cancels the remaining samples: the window is spoilt anyway.
            throw new IllegalStateException(e);
        }
    }

    private long sample() throws IOException {
        long heapUsed = probe.heapUsed();
        peakHeapSampled.accumulateAndGet(heapUsed, Math::max);
        peakResidentSampled.accumulateAndGet(probe.procStatus().residentBytes(), Math::max);
        return heapUsed;
    }
}
