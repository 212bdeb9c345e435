package dev.attache.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.attache.processor.Commands;
import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.schemas.attachment.AttachmentCommand.Origin;
import dev.attache.schemas.attachment.AttachmentInput;
import dev.attache.schemas.attachment.AttachmentReply;
import dev.attache.schemas.attachment.ObjectDeletion;
import dev.attache.schemas.attachment.ObjectRef;
import dev.attache.schemas.attachment.Principal;
import dev.attache.schemas.attachment.Route;
import dev.attache.schemas.graph.ODataTypes;
import dev.attache.schemas.session.SessionPart;
import dev.attache.schemas.session.SessionRemainder;
import dev.attache.schemas.session.SessionStep;
import dev.attache.schemas.session.UploadSession;

/**
 * Upload sessions through the whole topology: opened once access is decided, slices taken in order and each once,
 * the last one decided as any attachment, and what a session leaves in S3 let go when it ends.
 */
class UploadSessionTopologyTest {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    static final long MIB = 1024 * 1024;
    static final long SIZE = 9 * MIB;
    static final String SESSION = "SeSsIoNaBcDeFgHiJkLmNoPq";
    static final String ATTACHMENT = Commands.attachmentId(7);
    static final Origin ORIGIN = new Origin(Commands.TENANT, Commands.EVENT,
            new Route("v1.0", "me", Commands.USER, "events", null, null), Commands.ME);
    static final AttachmentInput FILE = new AttachmentInput(ODataTypes.FILE_ATTACHMENT, "big.bin", null, null, null,
            null, null, AttachmentInput.PAYLOAD_CONTENT_BYTES);
    static final String KEY = Commands.TENANT + "/" + ATTACHMENT;
    static final String SHA = "c".repeat(64);

    /** A remainder key where the front writes them: under the session's prefix. */
    static String rkey(String name) {
        return Commands.TENANT + "/sessions/" + SESSION + "/" + name;
    }

    @TempDir
    Path stateDir;

    TopologyHarness h;

    @BeforeEach
    void start() {
        h = new TopologyHarness(stateDir);
        h.publish(Commands.myEvent());
    }

    @AfterEach
    void stop() {
        h.close();
    }

    static UploadSession opened() {
        return new UploadSession(1, SESSION, Commands.TENANT, Commands.EVENT, ATTACHMENT, ORIGIN.route(),
                Commands.ME, FILE, SIZE, T0.plus(Duration.ofHours(24)).toString(), Commands.BUCKET, KEY, "upload-1",
                0, List.of(), null, null, null);
    }

    AttachmentReply send(AttachmentCommand command, Instant at) {
        h.send(command, TopologyHarness.request(), at);
        return h.reply();
    }

    AttachmentReply open(Instant at) {
        return send(AttachmentCommand.openUploadSession(ORIGIN, ATTACHMENT, FILE, SessionStep.open(opened(),
                at.toEpochMilli())), at);
    }

    AttachmentReply remainder(long from, long to, String key, Instant at) {
        return send(AttachmentCommand.appendSlice(ORIGIN, ATTACHMENT, SessionStep.slice(SESSION, at.toEpochMilli(),
                from, to, null, new SessionRemainder(key, to - from), "AAAA", from == 0 ? "application/octet-stream" : null)), at);
    }

    AttachmentReply part(long from, long to, int number, long length, Instant at) {
        return send(AttachmentCommand.appendSlice(ORIGIN, ATTACHMENT, SessionStep.slice(SESSION, at.toEpochMilli(),
                from, to, new SessionPart(number, "etag-" + number, length), null, "AAAA", null)), at);
    }

    AttachmentReply last(long from, int number, long length, Instant at) {
        return send(AttachmentCommand.completeUploadSession(ORIGIN, ATTACHMENT, FILE,
                new ObjectRef(Commands.BUCKET, KEY, SIZE, SHA), "application/octet-stream", SessionStep.slice(SESSION, at.toEpochMilli(),
                        from, SIZE, new SessionPart(number, "etag-" + number, length), null, "AAAA", null)), at);
    }

    @Test
    void slicesGatheredIntoPartsBecomeTheAttachmentAndTheReplacedRemainderGoes() {
        assertThat(open(T0).session().received()).isZero();
        AttachmentReply first = remainder(0, 4 * MIB, rkey("4194304-a"), T0.plusSeconds(1));
        AttachmentReply second = part(4 * MIB, 8 * MIB, 1, 8 * MIB, T0.plusSeconds(2));
        AttachmentReply done = last(8 * MIB, 302, MIB, T0.plusSeconds(3));

        assertThat(first.outcome()).isEqualTo(AttachmentReply.ADVANCED);
        assertThat(first.session().remainder().key()).isEqualTo(rkey("4194304-a"));
        assertThat(second.session().received()).isEqualTo(8 * MIB);
        assertThat(second.session().remainder()).isNull();
        assertThat(second.session().parts()).extracting(SessionPart::number).containsExactly(1);
        assertThat(done.isCreated()).isTrue();
        assertThat(done.attachment().attachmentId()).isEqualTo(ATTACHMENT);
        assertThat(done.attachment().size()).isEqualTo((int) SIZE);
        assertThat(done.attachment().object().sha256()).isEqualTo(SHA);
        assertThat(h.discarded()).extracting(ObjectRef::key).containsExactly(rkey("4194304-a"));
        // kept, complete, for the last slice sent again
        UploadSession kept = h.sessions().get(3).value();
        assertThat(kept.complete()).isTrue();
        assertThat(kept.parts()).extracting(SessionPart::number).containsExactly(1, 302);
    }

    @Test
    void aSliceNotWhereTheSessionIsIsRefusedAndChangesNothing() {
        open(T0);
        remainder(0, 4 * MIB, rkey("a"), T0.plusSeconds(1));

        AttachmentReply again = remainder(0, 4 * MIB, rkey("b"), T0.plusSeconds(2));
        AttachmentReply ahead = part(5 * MIB, 9 * MIB - 1, 1, 8 * MIB, T0.plusSeconds(3));

        assertThat(again.error().status()).isEqualTo(416);
        assertThat(again.error().code()).isEqualTo("invalidRange");
        assertThat(again.session().received()).isEqualTo(4 * MIB);
        assertThat(ahead.error().status()).isEqualTo(416);
        assertThat(h.discarded()).extracting(ObjectRef::key).containsExactly(rkey("b"));
        assertThat(part(4 * MIB, 8 * MIB, 1, 8 * MIB, T0.plusSeconds(4)).session().received()).isEqualTo(8 * MIB);
    }

    @Test
    void anotherCallerCannotContinueOrCancelASession() {
        open(T0);
        Origin intruder = new Origin(Commands.TENANT, Commands.EVENT, ORIGIN.route(), new Principal(
                Principal.DELEGATED, Commands.OTHER_USER, Commands.OTHER_UPN, List.of("Calendars.ReadWrite"),
                List.of()));

        h.send(AttachmentCommand.appendSlice(intruder, ATTACHMENT, SessionStep.slice(SESSION, T0.toEpochMilli(), 0,
                MIB, null, new SessionRemainder("t/x", MIB), "AAAA", null)), TopologyHarness.request(), T0);
        AttachmentReply slice = h.reply();
        h.send(AttachmentCommand.cancelUploadSession(intruder, ATTACHMENT, SessionStep.cancel(SESSION,
                T0.toEpochMilli(), SessionStep.CANCELLED)), TopologyHarness.request(), T0);
        AttachmentReply cancel = h.reply();

        assertThat(slice.error().status()).isEqualTo(404);
        assertThat(cancel.error().status()).isEqualTo(404);
        assertThat(h.deletionRequests()).isEmpty();
    }

    @Test
    void aCancelledSessionAbortsItsUploadAndDeletesItsRemainder() {
        open(T0);
        part(0, 6 * MIB, 1, 6 * MIB, T0.plusSeconds(1));
        remainder(6 * MIB, 7 * MIB, rkey("r"), T0.plusSeconds(2));

        AttachmentReply cancelled = send(AttachmentCommand.cancelUploadSession(ORIGIN, ATTACHMENT,
                SessionStep.cancel(SESSION, T0.plusSeconds(3).toEpochMilli(), SessionStep.CANCELLED)),
                T0.plusSeconds(3));

        assertThat(cancelled.outcome()).isEqualTo(AttachmentReply.DELETED);
        assertThat(h.deletionRequests()).extracting(ObjectDeletion::uploadId, d -> d.object().key())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("upload-1", KEY),
                        org.assertj.core.groups.Tuple.tuple(null, KEY),
                        org.assertj.core.groups.Tuple.tuple(null, rkey("r")));
        List<org.apache.kafka.streams.test.TestRecord<String, UploadSession>> published = h.sessions();
        assertThat(published.get(published.size() - 1).value()).isNull();
        assertThat(remainder(7 * MIB, 8 * MIB, rkey("z"), T0.plusSeconds(4)).error().status()).isEqualTo(404);
    }

    @Test
    void aSessionExpiresByTheFrontsClockAndIsEndedOnceStreamTimePassesIt() {
        open(T0);
        remainder(0, MIB, rkey("r"), T0.plusSeconds(1));

        AttachmentReply late = remainder(MIB, 2 * MIB, rkey("late"), T0.plus(Duration.ofHours(25)));
        assertThat(late.error().status()).as("judged on the front's receivedAt").isEqualTo(404);
        // any later command in the partition moves stream time on: the punctuation ends the session
        h.send(Commands.deleteAttachment("nothing").build(), TopologyHarness.request(),
                T0.plus(Duration.ofHours(25)).plusSeconds(120));

        assertThat(h.deletionRequests()).extracting(ObjectDeletion::uploadId).contains("upload-1");
        assertThat(h.deletionRequests()).extracting(d -> d.object().key()).contains(rkey("r"), rkey("late"));
    }

    @Test
    void aRepeatedOpenWithTheSameKeyGetsTheFirstSessionAndItsOwnUploadIsAborted() {
        dev.attache.schemas.attachment.Idempotency key = new dev.attache.schemas.attachment.Idempotency("k1", null,
                0, "a".repeat(64), T0.toEpochMilli(), 0, Duration.ofDays(1).toMillis(), 600_000);
        AttachmentReply first = send(AttachmentCommand.openUploadSession(ORIGIN, ATTACHMENT, FILE,
                SessionStep.open(opened(), T0.toEpochMilli())).withIdempotency(key), T0);
        UploadSession second = new UploadSession(1, "SeCoNdSeSsIoNaBcDeFgHiJk", Commands.TENANT, Commands.EVENT,
                Commands.attachmentId(8), ORIGIN.route(), Commands.ME, FILE, SIZE, T0.plusSeconds(86_400).toString(),
                Commands.BUCKET, Commands.TENANT + "/" + Commands.attachmentId(8), "upload-2", 0, List.of(), null,
                null, null);
        AttachmentReply repeat = send(AttachmentCommand.openUploadSession(ORIGIN, Commands.attachmentId(8), FILE,
                SessionStep.open(second, T0.plusSeconds(5).toEpochMilli())).withIdempotency(key), T0.plusSeconds(5));

        assertThat(repeat.isReplay()).isTrue();
        assertThat(repeat.session().sessionId()).isEqualTo(first.session().sessionId());
        assertThat(h.deletionRequests()).extracting(ObjectDeletion::uploadId, d -> d.object().key())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("upload-2", Commands.TENANT + "/"
                        + Commands.attachmentId(8)), org.assertj.core.groups.Tuple.tuple(null, Commands.TENANT + "/"
                        + Commands.attachmentId(8)));
    }

    @Test
    void deletingTheEventEndsItsSessionsAndTheirLastSliceIsRefused() {
        open(T0);
        part(0, 6 * MIB, 1, 6 * MIB, T0.plusSeconds(1));
        h.send(Commands.deleteEvent().build(), TopologyHarness.request(), T0.plusSeconds(2));
        assertThat(h.reply().outcome()).isEqualTo(AttachmentReply.DELETED);

        AttachmentReply done = last(6 * MIB, 302, 3 * MIB, T0.plusSeconds(3));

        assertThat(done.error().status()).isEqualTo(404);
        assertThat(h.deletionRequests()).extracting(ObjectDeletion::uploadId, d -> d.object().key())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("upload-1", KEY),
                        org.assertj.core.groups.Tuple.tuple(null, KEY), org.assertj.core.groups.Tuple.tuple(null, KEY));
        assertThat(h.attachments()).isEmpty();
    }

    @Test
    void anEventDeletedByItsSystemOfRecordEndsItsSessionsToo() {
        open(T0);
        part(0, 6 * MIB, 1, 6 * MIB, T0.plusSeconds(1));
        remainder(6 * MIB, 7 * MIB, rkey("r"), T0.plusSeconds(2));

        h.unpublish(Commands.TENANT, Commands.EVENT);

        assertThat(h.deletionRequests()).extracting(ObjectDeletion::uploadId, d -> d.object().key())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("upload-1", KEY),
                        org.assertj.core.groups.Tuple.tuple(null, KEY),
                        org.assertj.core.groups.Tuple.tuple(null, rkey("r")));
        List<org.apache.kafka.streams.test.TestRecord<String, UploadSession>> published = h.sessions();
        assertThat(published.get(published.size() - 1).value()).as("the session's tombstone").isNull();
        assertThat(remainder(7 * MIB, 8 * MIB, rkey("late"), T0.plusSeconds(4)).error().status()).isEqualTo(404);
    }
}
