package dev.attache.bench.floor;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.IntSupplier;

import dev.attache.bench.result.FloorCost;

/**
 * Measures the floor of the ingest path on this machine: what decoding a payload's base64, hashing it once and
 * copying it once cost with the JDK's primitives, warmed up until the JIT has compiled them (before that the decoder
 * runs several times slower). CPU time of the measuring thread, so other processes' work does not count.
 *
 * <p>What it leaves out, on purpose: the kernel's socket and file I/O (raw S3 pays for its own share of it too) and
 * JSON around the content (a few hundred bytes per request).
 */
public final class FloorProbe {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int SMALL_WARMUP_BYTES = 4 * 1024;

    private final Duration warmup;
    private final Duration measure;
    private volatile int blackhole;

    /**
     * @param warmup  per primitive and size, run and discarded
     * @param measure per primitive and size, measured
     */
    public FloorProbe(Duration warmup, Duration measure) {
        if (!THREADS.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure a thread's CPU time");
        }
        this.warmup = warmup;
        this.measure = measure;
    }

    public List<FloorCost> measure(List<Integer> payloadSizes) {
        // Small arrays first, so every primitive is compiled by invocation count and reaches its intrinsic: a large
        // array's loop is compiled on stack replacement, without it (the decoder then runs 20 times slower).
        measure(SMALL_WARMUP_BYTES);
        return payloadSizes.stream().map(this::measure).toList();
    }

    public FloorCost measure(int payloadBytes) {
        byte[] content = new byte[payloadBytes];
        new Random(payloadBytes).nextBytes(content);
        byte[] encoded = Base64.getEncoder().encode(content);
        byte[] decoded = new byte[payloadBytes];
        byte[] copy = new byte[payloadBytes];
        MessageDigest sha256 = sha256();
        Base64.Decoder decoder = Base64.getDecoder();
        double decode = nanosPerByte(payloadBytes, () -> decoder.decode(encoded, decoded));
        double hash = nanosPerByte(payloadBytes, () -> {
            sha256.update(content);
            return sha256.digest()[0];
        });
        double copying = nanosPerByte(payloadBytes, () -> {
            System.arraycopy(content, 0, copy, 0, payloadBytes);
            return copy[payloadBytes - 1];
        });
        return new FloorCost(payloadBytes, decode, hash, copying);
    }

    /** The primitive's CPU time per content byte, once warm. */
    private double nanosPerByte(int payloadBytes, IntSupplier primitive) {
        run(primitive, warmup);
        Run measured = run(primitive, measure);
        return (double) measured.cpuNanos / ((double) measured.iterations * payloadBytes);
    }

    private Run run(IntSupplier primitive, Duration length) {
        long deadline = System.nanoTime() + length.toNanos();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long iterations = 0;
        do {
            blackhole = primitive.getAsInt(); // an observable result: the JIT cannot drop the work
            iterations++;
        } while (System.nanoTime() < deadline);
        return new Run(iterations, THREADS.getCurrentThreadCpuTime() - cpuStart);
    }

    private record Run(long iterations, long cpuNanos) {
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
