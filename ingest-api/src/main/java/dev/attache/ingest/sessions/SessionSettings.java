package dev.attache.ingest.sessions;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How upload sessions behave: how long one lives, the smallest and largest slices taken, and the S3 part size slices
 * are gathered into (S3 takes parts of at least 5 MiB, except the last).
 */
@ApplicationScoped
public class SessionSettings {

    static final long S3_MIN_PART = 5L * 1024 * 1024;

    private final Duration lifetime;
    private final long minSliceBytes;
    private final long maxSliceBytes;
    private final long partBytes;

    SessionSettings(@ConfigProperty(name = "attache.upload-session.lifetime") Duration lifetime,
            @ConfigProperty(name = "attache.upload-session.min-slice-bytes") long minSliceBytes,
            @ConfigProperty(name = "attache.upload-session.max-slice-bytes") long maxSliceBytes,
            @ConfigProperty(name = "attache.upload-session.part-bytes") long partBytes) {
        if (partBytes < S3_MIN_PART) {
            throw new IllegalArgumentException("attache.upload-session.part-bytes must be at least 5 MiB: " + partBytes);
        }
        this.lifetime = lifetime;
        this.minSliceBytes = minSliceBytes;
        this.maxSliceBytes = maxSliceBytes;
        this.partBytes = partBytes;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** The smallest slice taken, but the last. */
    public long minSliceBytes() {
        return minSliceBytes;
    }

    public long maxSliceBytes() {
        return maxSliceBytes;
    }

    public long partBytes() {
        return partBytes;
    }
}
