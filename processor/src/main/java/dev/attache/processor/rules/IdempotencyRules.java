package dev.attache.processor.rules;

import java.util.Optional;
import java.util.regex.Pattern;

import dev.attache.schemas.attachment.AttachmentReply;
import dev.attache.schemas.attachment.Idempotency;
import dev.attache.schemas.attachment.ReplyError;
import dev.attache.schemas.graph.GraphErrorCodes;

/**
 * Whether a create was seen before: by the client's {@code Idempotency-Key}, or as the Graph SDK's own retry of a
 * request ({@code Retry-Attempt}, same {@code client-request-id}, same body). Pure: every input is in the commands
 * (and what was remembered of earlier ones), so a replay of the log decides the same.
 *
 * <p>Two clocks, each where it is sound. Retention and the retry window are measured between the fronts'
 * {@code receivedAt}s: hours and minutes, where the skew between instances does not matter, and a clock a test can
 * move. "Still in flight" is measured on the broker's clock alone: the command's append time minus the time its front
 * held it is when the request began, compared with the append time of the request that made the outcome.
 */
public final class IdempotencyRules {

    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern KEY = Pattern.compile("[\\x20-\\x7E]{1," + Idempotency.MAX_KEY_LENGTH + "}");
    private static final Pattern CLIENT_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    public static final ReplyError KEY_REUSED = new ReplyError(422, GraphErrorCodes.UNPROCESSABLE_ENTITY,
            "The Idempotency-Key was already used for a different request. Use a new key for a new request.");
    public static final ReplyError KEY_IN_FLIGHT = new ReplyError(409, GraphErrorCodes.CONFLICT,
            "A request with this Idempotency-Key is still being processed. Retry it once that request has been "
                    + "answered.");

    private IdempotencyRules() {
    }

    /**
     * What is remembered of a create that succeeded, under its key or its retry identity.
     *
     * @param fingerprint the request's body fingerprint
     * @param receivedAt when its front received it (the front's clock)
     * @param decidedAt its command's append time (the broker's clock)
     * @param retentionMillis how long it is remembered: the key retention, or the retry window
     * @param retryAttempt its {@code Retry-Attempt}
     * @param reply what it was answered
     */
    public record Remembered(String fingerprint, long receivedAt, long decidedAt, long retentionMillis,
            int retryAttempt, AttachmentReply reply) {

        public static Remembered byKey(Idempotency request, long appendTime, AttachmentReply reply) {
            return new Remembered(request.fingerprint(), request.receivedAt(), appendTime,
                    request.keyRetentionMillis(), request.retryAttempt(), reply);
        }

        public static Remembered asRetryTarget(Idempotency request, long appendTime, AttachmentReply reply) {
            return new Remembered(request.fingerprint(), request.receivedAt(), appendTime,
                    request.retryWindowMillis(), request.retryAttempt(), reply);
        }

        /** Whether a request received at {@code receivedAt} (the front's clock) finds this forgotten. */
        public boolean expiredFor(long receivedAt) {
            return receivedAt - this.receivedAt >= retentionMillis;
        }
    }

    /** What to do with a create. */
    public sealed interface Verdict {
        /** Never seen (or forgotten): decide it as usual, then remember it. */
        record Fresh() implements Verdict {
        }

        /** A repeat: answer the first outcome again, change nothing, let go of its object. */
        record Replay(AttachmentReply reply) implements Verdict {
        }

        /** Refused (the key reused for another request, or still in flight): change nothing, let go of its object. */
        record Refused(ReplyError error) implements Verdict {
        }
    }

    /** Why the command's idempotency part cannot be judged, or empty (also when it has none). */
    static Optional<String> defect(Idempotency idempotency) {
        if (idempotency == null) {
            return Optional.empty();
        }
        if (idempotency.fingerprint() == null || !FINGERPRINT.matcher(idempotency.fingerprint()).matches()) {
            return Optional.of("idempotency.fingerprint is not a SHA-256 in hex");
        }
        if (idempotency.key() != null && !KEY.matcher(idempotency.key()).matches()) {
            return Optional.of("idempotency.key is not 1 to 255 printable ASCII characters");
        }
        if (idempotency.clientRequestId() != null
                && !CLIENT_REQUEST_ID.matcher(idempotency.clientRequestId()).matches()) {
            return Optional.of("idempotency.clientRequestId is malformed");
        }
        if (idempotency.retryAttempt() < 0 || idempotency.heldMillis() < 0
                || !retention(idempotency.keyRetentionMillis()) || !retention(idempotency.retryWindowMillis())) {
            return Optional.of("idempotency has a negative count or a retention outside 0.."
                    + Idempotency.MAX_RETENTION_MILLIS + " ms");
        }
        return Optional.empty();
    }

    /**
     * A create carrying an {@code Idempotency-Key}, appended at {@code appendTime}, against what was remembered under
     * that key in its scope (tenant, caller, event), if anything.
     */
    public static Verdict byKey(Idempotency request, long appendTime, Remembered earlier) {
        if (earlier == null || earlier.expiredFor(request.receivedAt())) {
            return new Verdict.Fresh();
        }
        if (!earlier.fingerprint().equals(request.fingerprint())) {
            return new Verdict.Refused(KEY_REUSED);
        }
        long began = appendTime - request.heldMillis();
        if (began < earlier.decidedAt()) {
            // it began before the first one's outcome existed: two requests racing with one key
            return new Verdict.Refused(KEY_IN_FLIGHT);
        }
        return new Verdict.Replay(earlier.reply().asReplay());
    }

    /**
     * A create without a key, against the last create of the same caller, event, {@code client-request-id} and body.
     * Only an SDK retry ({@code Retry-Attempt} ≥ 1) is a repeat of it, or the original of an SDK retry that overtook
     * it in the log; two identical requests sent on purpose stay two.
     */
    public static Verdict byRetry(Idempotency request, Remembered earlier) {
        if (earlier == null || request.clientRequestId() == null || earlier.expiredFor(request.receivedAt())
                || request.receivedAt() - earlier.receivedAt() <= -earlier.retentionMillis()) {
            return new Verdict.Fresh();
        }
        boolean retryOfEarlier = request.retryAttempt() >= 1;
        boolean originalOfEarlierRetry = earlier.retryAttempt() >= 1 && earlier.receivedAt() > request.receivedAt();
        return retryOfEarlier || originalOfEarlierRetry ? new Verdict.Replay(earlier.reply().asReplay())
                : new Verdict.Fresh();
    }

    private static boolean retention(long millis) {
        return millis >= 0 && millis <= Idempotency.MAX_RETENTION_MILLIS;
    }
}
