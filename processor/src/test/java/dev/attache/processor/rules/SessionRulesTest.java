package dev.attache.processor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.attache.processor.Commands;
import dev.attache.processor.rules.SessionRules.Slice;
import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.schemas.attachment.AttachmentCommand.Origin;
import dev.attache.schemas.attachment.AttachmentInput;
import dev.attache.schemas.attachment.ObjectRef;
import dev.attache.schemas.attachment.Route;
import dev.attache.schemas.graph.ODataTypes;
import dev.attache.schemas.session.SessionPart;
import dev.attache.schemas.session.SessionRemainder;
import dev.attache.schemas.session.SessionStep;
import dev.attache.schemas.session.UploadSession;

/** The rules of upload sessions, case by case: which sessions open, which slice comes next, when one has expired. */
class SessionRulesTest {

    static final long MIB = 1024 * 1024;
    static final Instant EXPIRES = Instant.parse("2026-12-08T10:00:00Z");
    static final Origin ORIGIN = new Origin(Commands.TENANT, Commands.EVENT,
            new Route("v1.0", "me", Commands.USER, "events", null, null), Commands.ME);
    static final AttachmentInput FILE = new AttachmentInput(ODataTypes.FILE_ATTACHMENT, "a.bin", null, null, null,
            null, null, AttachmentInput.PAYLOAD_CONTENT_BYTES);

    static UploadSession session(long size, long received, SessionRemainder remainder, SessionPart... parts) {
        return new UploadSession(1, "s1", Commands.TENANT, Commands.EVENT, "a1", ORIGIN.route(), Commands.ME, FILE,
                size, EXPIRES.toString(), "attache", Commands.TENANT + "/a1", "u1", received, List.of(parts),
                remainder, null, null);
    }

    static AttachmentCommand slice(long from, long to, SessionPart part, SessionRemainder remainder, Instant at) {
        return AttachmentCommand.appendSlice(ORIGIN, "a1", SessionStep.slice("s1", at.toEpochMilli(), from, to, part,
                remainder, "AAAA", null));
    }

    static Instant before() {
        return EXPIRES.minusSeconds(60);
    }

    @Test
    void opensAFileOfGraphsSizesOnly() {
        assertThat(SessionRules.openDefect(session(UploadSession.MIN_SIZE, 0, null))).isEmpty();
        assertThat(SessionRules.openDefect(session(UploadSession.MAX_SIZE, 0, null))).isEmpty();
        assertThat(SessionRules.openDefect(session(UploadSession.MIN_SIZE - 1, 0, null)).orElseThrow().code())
                .isEqualTo("ErrorAttachmentSizeShouldNotBeLessThanMinimumSize");
        assertThat(SessionRules.openDefect(session(UploadSession.MAX_SIZE + 1, 0, null)).orElseThrow().code())
                .isEqualTo("ErrorMessageSizeExceeded");
        assertThat(SessionRules.openDefect(session(9 * MIB, MIB, null))).isPresent();
    }

    @Test
    void aSliceUnderThePartSizeBecomesTheRemainderAndTheNextOneAPartWithIt() {
        UploadSession empty = session(9 * MIB, 0, null);
        SessionRemainder first = new SessionRemainder(Commands.TENANT + "/sessions/s1/4194304-x", 4 * MIB);

        Slice taken = SessionRules.take(empty, slice(0, 4 * MIB, null, first, before()), false);
        UploadSession afterFirst = ((Slice.Taken) taken).next();
        Slice part = SessionRules.take(afterFirst, slice(4 * MIB, 8 * MIB, new SessionPart(1, "e1", 8 * MIB), null,
                before()), false);

        assertThat(afterFirst.received()).isEqualTo(4 * MIB);
        assertThat(((Slice.Taken) taken).obsolete()).isNull();
        assertThat(((Slice.Taken) part).next().remainder()).isNull();
        assertThat(((Slice.Taken) part).obsolete()).as("the remainder the part took in").isEqualTo(first);
    }

    @Test
    void aPartEndsAtADigestBlockAndTheBytesAfterItWaitInATailSoTheDigestStateHoldsNoContent() {
        UploadSession at4 = session(9 * MIB, 4 * MIB, new SessionRemainder(Commands.TENANT + "/sessions/s1/r",
                4 * MIB));
        long to = 8 * MIB + 100;
        SessionRemainder tail = new SessionRemainder(Commands.TENANT + "/sessions/s1/t", 36);

        Slice cut = SessionRules.take(at4, slice(4 * MIB, to, new SessionPart(1, "e1", 8 * MIB + 64), tail,
                before()), false);
        Slice uncut = SessionRules.take(at4, slice(4 * MIB, to, new SessionPart(1, "e1", 8 * MIB + 100), null,
                before()), false);
        Slice tailTooLong = SessionRules.take(at4, slice(4 * MIB, to, new SessionPart(1, "e1", 8 * MIB - 64),
                new SessionRemainder(Commands.TENANT + "/sessions/s1/t", 164), before()), false);
        Slice tailElsewhere = SessionRules.take(at4, slice(4 * MIB, to, new SessionPart(1, "e1", 8 * MIB + 64),
                new SessionRemainder(Commands.TENANT + "/other/t", 36), before()), false);

        UploadSession next = ((Slice.Taken) cut).next();
        assertThat(next.received()).isEqualTo(to);
        assertThat(next.remainder()).isEqualTo(tail);
        assertThat(next.digest()).isEqualTo("AAAA");
        assertThat(((Slice.Taken) cut).obsolete().key()).endsWith("/r");
        assertThat(uncut).as("a part that is not the last ends at a multiple of 64").isInstanceOf(Slice.Refused.class);
        assertThat(tailTooLong).isInstanceOf(Slice.Refused.class);
        assertThat(tailElsewhere).isInstanceOf(Slice.Refused.class);
    }

    @Test
    void aSliceKeptAsRemainderLeavesTheDigestOfThePartsAsItWas() {
        UploadSession at8 = session(20 * MIB, 8 * MIB, null, new SessionPart(1, "e1", 8 * MIB)).advanced(8 * MIB,
                List.of(new SessionPart(1, "e1", 8 * MIB)), null, "after-part-1", "text/plain");

        Slice kept = SessionRules.take(at8, slice(8 * MIB, 9 * MIB, null, new SessionRemainder(Commands.TENANT
                + "/sessions/s1/r", MIB), before()), false);

        assertThat(((Slice.Taken) kept).next().digest()).isEqualTo("after-part-1");
        assertThat(((Slice.Taken) kept).next().detectedType()).isEqualTo("text/plain");
    }

    @Test
    void aSliceElsewhereThanTheSessionIsOrOfTheWrongLengthIsRefused() {
        UploadSession at4 = session(9 * MIB, 4 * MIB, new SessionRemainder(Commands.TENANT + "/sessions/s1/r",
                4 * MIB));

        Slice again = SessionRules.take(at4, slice(0, 4 * MIB, null, new SessionRemainder(Commands.TENANT
                + "/sessions/s1/r2", 4 * MIB), before()), false);
        Slice ahead = SessionRules.take(at4, slice(5 * MIB, 6 * MIB, null, new SessionRemainder(Commands.TENANT
                + "/sessions/s1/r2", MIB), before()), false);
        Slice shortPart = SessionRules.take(at4, slice(4 * MIB, 8 * MIB, new SessionPart(1, "e", 4 * MIB), null,
                before()), false);
        Slice pastEnd = SessionRules.take(at4, slice(4 * MIB, 10 * MIB, new SessionPart(1, "e", 10 * MIB), null,
                before()), false);

        assertThat(((Slice.Refused) again).error().message()).contains("overlaps");
        assertThat(((Slice.Refused) ahead).error().message()).contains("out of order");
        assertThat(((Slice.Refused) shortPart).error().status()).isEqualTo(400);
        assertThat(((Slice.Refused) pastEnd).error().status()).isEqualTo(416);
    }

    @Test
    void onlyTheSlicePastWhichNothingRemainsCompletesTheSession() {
        UploadSession at8 = session(9 * MIB, 8 * MIB, null, new SessionPart(1, "e1", 8 * MIB));
        AttachmentCommand last = AttachmentCommand.completeUploadSession(ORIGIN, "a1", FILE,
                new ObjectRef("attache", Commands.TENANT + "/a1", 9 * MIB, "c".repeat(64)), null,
                SessionStep.slice("s1", before().toEpochMilli(), 8 * MIB, 9 * MIB, new SessionPart(302, "e2", MIB), null,
                        null, null));

        Slice completes = SessionRules.take(at8, last, true);
        Slice notAsAnAppend = SessionRules.take(at8, slice(8 * MIB, 9 * MIB, new SessionPart(302, "e2", MIB), null,
                before()), false);
        Slice outOfItsBlock = SessionRules.take(at8, AttachmentCommand.completeUploadSession(ORIGIN, "a1", FILE,
                last.object(), null, SessionStep.slice("s1", before().toEpochMilli(), 8 * MIB, 9 * MIB,
                        new SessionPart(2, "e2", MIB), null, "AAAA", null)), true);

        assertThat(((Slice.Taken) completes).next().complete()).isTrue();
        assertThat(SessionRules.completionDefect(at8, last)).isEmpty();
        assertThat(notAsAnAppend).isInstanceOf(Slice.Refused.class);
        assertThat(outOfItsBlock).as("the second part's numbers are 301 to 600").isInstanceOf(Slice.Refused.class);
    }

    @Test
    void theSameBytesGetTheSamePartNumberAndOtherBytesAlmostAlwaysAnother() {
        UploadSession at4 = session(9 * MIB, 4 * MIB, null, new SessionPart(1, "e1", 4 * MIB));

        int first = at4.nextPartNumber("state-after-these-bytes");

        assertThat(first).isBetween(301, 600).isEqualTo(at4.nextPartNumber("state-after-these-bytes"));
        assertThat(at4.nextPartNumber("state-after-other-bytes")).isBetween(301, 600).isNotEqualTo(first);
        assertThat(at4.nextPartMayBe(first)).isTrue();
        assertThat(at4.nextPartMayBe(300)).isFalse();
        assertThat(at4.nextPartMayBe(601)).isFalse();
    }

    @Test
    void aRemainderOutsideTheSessionsPrefixIsRefused() {
        UploadSession empty = session(9 * MIB, 0, null);

        Slice elsewhere = SessionRules.take(empty, slice(0, MIB, null, new SessionRemainder(Commands.TENANT
                + "/someone-elses-object", MIB), before()), false);

        assertThat(elsewhere).isInstanceOf(Slice.Refused.class);
    }

    @Test
    void aSessionIsNobodysOnceExpiredByTheFrontsClockAndNeverAnotherCallers() {
        UploadSession open = session(9 * MIB, 0, null);
        AttachmentCommand late = slice(0, 4 * MIB, null, new SessionRemainder("r", 4 * MIB),
                EXPIRES.plusMillis(1));
        AttachmentCommand intruder = AttachmentCommand.appendSlice(new Origin(Commands.TENANT, Commands.EVENT,
                ORIGIN.route(), Commands.APP), "a1", SessionStep.slice("s1", before().toEpochMilli(), 0, 4 * MIB,
                null, new SessionRemainder("r", 4 * MIB), "AAAA", null));

        assertThat(((Slice.Refused) SessionRules.take(open, late, false)).error()).isEqualTo(SessionRules.NOT_FOUND);
        assertThat(((Slice.Refused) SessionRules.take(open, intruder, false)).error())
                .isEqualTo(SessionRules.NOT_FOUND);
        assertThat(((Slice.Refused) SessionRules.take(null, slice(0, MIB, null, null, before()), false)).error())
                .isEqualTo(SessionRules.NOT_FOUND);
    }
}
