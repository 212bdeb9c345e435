package dev.attache.ingest.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.attache.ingest.request.GraphRequest;
import dev.attache.schemas.attachment.Idempotency;

/**
 * How long keys and SDK retries are recognised, and the clock a request's arrival is read from (a bean, so a test can
 * move it: retention is measured between arrivals, never on the processor's wall clock).
 */
@ApplicationScoped
public class IdempotencySettings {

    /** Tells clients how long a key is remembered, in seconds, on every create that carried one. */
    public static final String RETENTION_HEADER = "Idempotency-Retention";
    /** On an answer given again to a repeat of a create. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final Clock clock;
    private final Duration keyRetention;
    private final Duration retryWindow;

    IdempotencySettings(Clock clock,
            @ConfigProperty(name = "attache.idempotency.key-retention") Duration keyRetention,
            @ConfigProperty(name = "attache.idempotency.retry-window") Duration retryWindow) {
        for (Duration d : new Duration[] {keyRetention, retryWindow}) {
            if (d.isNegative() || d.toMillis() > Idempotency.MAX_RETENTION_MILLIS) {
                throw new IllegalArgumentException("attache.idempotency.* must be between 0 and 7 days: " + d);
            }
        }
        this.clock = clock;
        this.keyRetention = keyRetention;
        this.retryWindow = retryWindow;
    }

    /** The marks of a create arriving now: read first, so a bad key is refused before anything is stored. */
    public RepeatMarks marks(GraphRequest request) {
        return RepeatMarks.of(request, clock.millis());
    }

    /**
     * The idempotency part of a create's command, taken just before its append, or null when nothing could recognise
     * a repeat of it.
     */
    public Idempotency idempotency(RepeatMarks marks, String fingerprint) {
        if (!marks.recognisable()) {
            return null;
        }
        long held = Math.max(0, Duration.ofNanos(System.nanoTime() - marks.receivedNanos()).toMillis());
        return new Idempotency(marks.key(), marks.clientRequestId(), marks.retryAttempt(), fingerprint,
                marks.receivedAt(), held, keyRetention.toMillis(), retryWindow.toMillis());
    }

    /** The headers of a create's answer: the retention when it carried a key, and whether it is a replay. */
    public Map<String, String> answerHeaders(RepeatMarks marks, boolean replayed) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (marks.key() != null) {
            headers.put(RETENTION_HEADER, Long.toString(keyRetention.toSeconds()));
        }
        if (replayed) {
            headers.put(REPLAYED_HEADER, "true");
        }
        return headers;
    }
}
