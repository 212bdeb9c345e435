package dev.attache.processor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.attache.processor.rules.IdempotencyRules.Remembered;
import dev.attache.processor.rules.IdempotencyRules.Verdict;
import dev.attache.schemas.attachment.AttachmentReply;
import dev.attache.schemas.attachment.Idempotency;
import dev.attache.schemas.attachment.ReplyError;

class IdempotencyRulesTest {

    static final String FP = "0".repeat(64);
    static final long DAY = 86_400_000L;
    static final AttachmentReply FIRST = AttachmentReply.rejected("placeholder", new ReplyError(400, "x", "y"));

    static Idempotency keyed(long receivedAt, long held) {
        return new Idempotency("k", null, 0, FP, receivedAt, held, DAY, 600_000);
    }

    static Remembered remembered(long receivedAt, long decidedAt) {
        return new Remembered(FP, receivedAt, decidedAt, DAY, 0, FIRST);
    }

    @Test
    void retentionIsMeasuredBetweenArrivalsAndEndsExactlyAtItsLength() {
        Remembered earlier = remembered(1_000, 1_100);

        assertThat(IdempotencyRules.byKey(keyed(1_000 + DAY - 1, 0), 5 * DAY, earlier))
                .isInstanceOf(Verdict.Replay.class);
        assertThat(IdempotencyRules.byKey(keyed(1_000 + DAY, 0), 5 * DAY, earlier)).isInstanceOf(Verdict.Fresh.class);
    }

    @Test
    void aFrontWhoseClockRunsBehindStillFindsTheKey() {
        // received "before" the first by another instance's clock: not expired, and it began after the decision
        assertThat(IdempotencyRules.byKey(keyed(500, 10), 5_000, remembered(1_000, 1_100)))
                .isInstanceOf(Verdict.Replay.class);
    }

    @Test
    void inFlightIsJudgedOnTheBrokersClockAlone() {
        Remembered earlier = remembered(1_000, 2_000);

        assertThat(IdempotencyRules.byKey(keyed(1_000, 100), 2_050, earlier))
                .as("began at 1950, before the decision at 2000").isEqualTo(
                        new Verdict.Refused(IdempotencyRules.KEY_IN_FLIGHT));
        assertThat(IdempotencyRules.byKey(keyed(1_000, 40), 2_050, earlier))
                .as("began at 2010, after it").isInstanceOf(Verdict.Replay.class);
    }

    @Test
    void aReplayIsMarkedAsOne() {
        Verdict verdict = IdempotencyRules.byKey(keyed(2_000, 0), 9_000, remembered(1_000, 1_100));

        assertThat(((Verdict.Replay) verdict).reply().isReplay()).isTrue();
        assertThat(FIRST.isReplay()).isFalse();
    }

    @Test
    void malformedPartsAreDefects() {
        assertThat(IdempotencyRules.defect(null)).isEmpty();
        assertThat(IdempotencyRules.defect(keyed(1, 0))).isEmpty();
        assertThat(IdempotencyRules.defect(new Idempotency("k", null, 0, "ABC", 1, 0, DAY, 0))).isPresent();
        assertThat(IdempotencyRules.defect(new Idempotency("k\u00e9", null, 0, FP, 1, 0, DAY, 0))).isPresent();
        assertThat(IdempotencyRules.defect(new Idempotency("x".repeat(256), null, 0, FP, 1, 0, DAY, 0))).isPresent();
        assertThat(IdempotencyRules.defect(new Idempotency("k", "bad id", 0, FP, 1, 0, DAY, 0))).isPresent();
        assertThat(IdempotencyRules.defect(new Idempotency("k", null, -1, FP, 1, 0, DAY, 0))).isPresent();
        assertThat(IdempotencyRules.defect(new Idempotency("k", null, 0, FP, 1, -1, DAY, 0))).isPresent();
        assertThat(IdempotencyRules.defect(new Idempotency("k", null, 0, FP, 1, 0, 8 * DAY, 0))).isPresent();
    }
}
