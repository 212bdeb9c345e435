package dev.attache.ingest.support;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import dev.attache.ingest.spool.SpoolDirectory;

/** The spool directory of the ingest-api under test, as a test watches it. */
public final class Spool {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private Spool() {
    }

    /**
     * Waits (bounded) until no payload is spooled. The file of a 201 is released when the response has ended, which
     * can be a moment after the client has read it, so a test must wait for the count rather than read it once.
     */
    public static void awaitEmpty(SpoolDirectory spool) {
        awaitFiles(spool, 0);
    }

    /** Waits (bounded) until exactly {@code expected} payloads are spooled; fails with the count last seen. */
    public static void awaitFiles(SpoolDirectory spool, long expected) {
        Instant deadline = Instant.now().plus(WAIT);
        long seen;
        while ((seen = count(spool)) != expected) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("expected " + expected + " spooled payload(s) within " + WAIT + ", but "
                        + seen + " remained");
            }
            try {
                Thread.sleep(20); // polling the condition itself, bounded by the deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static long count(SpoolDirectory spool) {
        try {
            return spool.files();
        } catch (IOException e) {
            throw new AssertionError("the spool directory cannot be listed", e);
        }
    }
}
