package dev.attache.processor.rules;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a stored object is an orphan — nobody will ever need it — and may be deleted by the sweep. A pure
 * function of what the sweep saw, so that each case is tested alone; the cases, in the order they are decided:
 *
 * <ol>
 *   <li>{@link Verdict#LIVE}: a committed attachment record points at it;</li>
 *   <li>{@link Verdict#TOO_YOUNG}: written less than {@code grace} ago (a request may still be on its way);</li>
 *   <li>{@link Verdict#AWAITING_PROCESSOR}: its command, appended at most {@code appendSlack} after the object was
 *       written, could still be waiting in the log for the processor: deleting it would leave that record pointing
 *       at nothing;</li>
 *   <li>{@link Verdict#ORPHAN}: everything else — its request died between the upload and the append, or its
 *       record is gone and the delete was lost.</li>
 * </ol>
 */
public final class OrphanRules {

    /** What the sweep does with an object. */
    public enum Verdict {
        LIVE, TOO_YOUNG, AWAITING_PROCESSOR, ORPHAN
    }

    /**
     * The limits of the judgement.
     *
     * @param grace       how old an unreferenced object must be before it may go (default 1 h)
     * @param appendSlack the longest a command can be appended after its object was written: the producer's
     *                    {@code max.block.ms} plus {@code delivery.timeout.ms}, with a margin
     */
    public record Limits(Duration grace, Duration appendSlack) {
    }

    private OrphanRules() {
    }

    /**
     * @param written        when the object was written (S3's {@code LastModified})
     * @param referenced     whether a committed record references it
     * @param processedUntil every command appended before this instant has been processed (and its record, if any,
     *                       committed)
     * @param now            when the sweep looked
     */
    public static Verdict verdict(Instant written, boolean referenced, Instant processedUntil, Instant now,
            Limits limits) {
        if (referenced) {
            return Verdict.LIVE;
        }
        if (written.isAfter(now.minus(limits.grace()))) {
            return Verdict.TOO_YOUNG;
        }
        if (!written.plus(limits.appendSlack()).isBefore(processedUntil)) {
            return Verdict.AWAITING_PROCESSOR;
        }
        return Verdict.ORPHAN;
    }
}
