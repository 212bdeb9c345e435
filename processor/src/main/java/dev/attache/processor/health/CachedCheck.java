package dev.attache.processor.health;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * A health check answered from its last result for a while, so frequent probes do not each make a remote call.
 * The clock is {@code System.nanoTime} in production and a plain counter in tests.
 */
final class CachedCheck {

    private final Supplier<HealthCheckResponse> check;
    private final long ttlNanos;
    private final LongSupplier nanoClock;

    private HealthCheckResponse last;
    private long checkedAt;

    CachedCheck(Supplier<HealthCheckResponse> check, Duration ttl, LongSupplier nanoClock) {
        this.check = check;
        this.ttlNanos = ttl.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Synchronized so concurrent probes wait for one remote call rather than each making one. */
    synchronized HealthCheckResponse get() {
        if (last == null || nanoClock.getAsLong() - checkedAt >= ttlNanos) {
            last = check.get();
            checkedAt = nanoClock.getAsLong();
        }
        return last;
    }
}
