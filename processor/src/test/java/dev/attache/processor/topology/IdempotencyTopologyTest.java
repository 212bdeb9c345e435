package dev.attache.processor.topology;

import static dev.attache.processor.Commands.EVENT;
import static dev.attache.processor.Commands.MENU;
import static dev.attache.processor.Commands.OTHER_USER;
import static dev.attache.processor.Commands.TENANT;
import static dev.attache.processor.topology.TopologyHarness.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.attache.processor.Commands;
import dev.attache.processor.rules.IdempotencyRules;
import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.schemas.attachment.AttachmentReply;
import dev.attache.schemas.attachment.Idempotency;
import dev.attache.schemas.attachment.Principal;
import dev.attache.schemas.event.EventOwner;

/**
 * Repeated creates through the whole topology: what a client retrying with an {@code Idempotency-Key}, or the Graph
 * SDK retrying by itself, gets back, and what is stored and let go.
 */
class IdempotencyTopologyTest {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    static final long DAY = Duration.ofDays(1).toMillis();
    static final long TEN_MINUTES = Duration.ofMinutes(10).toMillis();
    static final String SAME = "a".repeat(64);
    static final String OTHER = "b".repeat(64);

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

    static Idempotency keyed(String key, String fingerprint, Instant receivedAt, long heldMillis) {
        return new Idempotency(key, "crid-1", 0, fingerprint, receivedAt.toEpochMilli(), heldMillis, DAY, TEN_MINUTES);
    }

    static Idempotency retry(String clientRequestId, int attempt, String fingerprint, Instant receivedAt) {
        return new Idempotency(null, clientRequestId, attempt, fingerprint, receivedAt.toEpochMilli(), 0, DAY,
                TEN_MINUTES);
    }

    /** The menu upload, as attachment {@code n} (each request's own generated id and object). */
    static Commands menu(int n, Idempotency idempotency) {
        return Commands.file("menu.txt", MENU).id(Commands.attachmentId(n)).idempotency(idempotency);
    }

    AttachmentReply send(Commands command, Instant appendTime) {
        h.send(command.build(), request(), appendTime);
        return h.reply();
    }

    @Nested
    class WithAKey {

        @Test
        void aRepeatIsAnsweredWithTheFirstAttachmentAndItsOwnObjectIsLetGo() {
            AttachmentReply first = send(menu(1, keyed("k1", SAME, T0, 5)), T0.plusMillis(20));
            h.attachments();

            AttachmentReply again = send(menu(2, keyed("k1", SAME, T0.plusSeconds(30), 5)), T0.plusSeconds(31));

            assertThat(first.isCreated()).isTrue();
            assertThat(first.isReplay()).isFalse();
            assertThat(again.isCreated()).isTrue();
            assertThat(again.isReplay()).isTrue();
            assertThat(again.attachment()).as("same id, same record").isEqualTo(first.attachment());
            assertThat(h.storedForEvent(TENANT, EVENT)).hasSize(1);
            assertThat(h.attachments()).as("nothing published for the repeat").isEmpty();
            assertThat(h.discarded()).as("the repeat's copy of the bytes goes")
                    .containsExactly(menu(2, null).build().object());
            assertThat(h.counted("duplicate")).isEqualTo(1.0);
        }

        @Test
        void theSameKeyWithAnotherBodyIs422AndChangesNothing() {
            send(menu(1, keyed("k1", SAME, T0, 5)), T0.plusMillis(20));
            h.attachments();

            AttachmentReply reused = send(menu(2, keyed("k1", OTHER, T0.plusSeconds(30), 5)), T0.plusSeconds(31));

            assertThat(reused.outcome()).isEqualTo(AttachmentReply.REJECTED);
            assertThat(reused.error()).isEqualTo(IdempotencyRules.KEY_REUSED);
            assertThat(reused.error().status()).isEqualTo(422);
            assertThat(h.storedForEvent(TENANT, EVENT)).hasSize(1);
            assertThat(h.attachments()).isEmpty();
            assertThat(h.discarded()).containsExactly(menu(2, null).build().object());
        }

        @Test
        void aRequestThatBeganBeforeTheFirstWasDecidedIs409() {
            send(menu(1, keyed("k1", SAME, T0, 5)), T0.plusMillis(400));
            h.attachments();
            // appended 100 ms after the first, but held 600 ms by its front: it began before the first was decided
            AttachmentReply racing = send(menu(2, keyed("k1", SAME, T0.plusMillis(10), 600)), T0.plusMillis(500));

            assertThat(racing.error()).isEqualTo(IdempotencyRules.KEY_IN_FLIGHT);
            assertThat(racing.error().status()).isEqualTo(409);
            assertThat(h.storedForEvent(TENANT, EVENT)).hasSize(1);
            assertThat(h.discarded()).containsExactly(menu(2, null).build().object());
        }

        @Test
        void afterTheRetentionTheKeyIsForgottenAndTheRequestIsNew() {
            send(menu(1, keyed("k1", SAME, T0, 5)), T0.plusMillis(20));
            Instant later = T0.plus(Duration.ofDays(1));

            AttachmentReply fresh = send(menu(2, keyed("k1", SAME, later, 5)), later.plusMillis(20));

            assertThat(fresh.isReplay()).isFalse();
            assertThat(fresh.attachment().attachmentId()).isEqualTo(Commands.attachmentId(2));
            assertThat(h.storedForEvent(TENANT, EVENT)).hasSize(2);
        }

        @Test
        void theKeyIsScopedToTheCallerAndTheEvent() {
            send(menu(1, keyed("k1", SAME, T0, 5)), T0.plusMillis(20));
            Principal adele = new Principal(Principal.DELEGATED, OTHER_USER, "adele@attache.local",
                    List.of("Calendars.ReadWrite"), List.of());
            h.publish(Commands.event(TENANT, EVENT + "2", new EventOwner(EventOwner.USER, Commands.USER,
                    Commands.UPN), null, null));

            AttachmentReply elsewhere = send(menu(2, keyed("k1", SAME, T0.plusSeconds(1), 5)).event(EVENT + "2"),
                    T0.plusSeconds(1));
            AttachmentReply someoneElse = send(menu(3, keyed("k1", SAME, T0.plusSeconds(2), 5)).principal(adele),
                    T0.plusSeconds(2));

            assertThat(elsewhere.isReplay()).as("another event").isFalse();
            assertThat(elsewhere.isCreated()).isTrue();
            assertThat(someoneElse.isReplay()).as("another caller: judged on its own (no access here)").isFalse();
            assertThat(someoneElse.error()).isNotNull();
        }

        @Test
        void aRefusedFirstRequestIsNotRemembered() {
            AttachmentReply refused = send(menu(1, keyed("k1", SAME, T0, 5)).event("no-such-event"),
                    T0.plusMillis(20));
            h.publish(Commands.event(TENANT, "no-such-event", new EventOwner(EventOwner.USER, Commands.USER,
                    Commands.UPN), null, null));

            AttachmentReply retried = send(menu(2, keyed("k1", SAME, T0.plusSeconds(5), 5)).event("no-such-event"),
                    T0.plusSeconds(5));

            assertThat(refused.error().status()).isEqualTo(404);
            assertThat(retried.isCreated()).isTrue();
            assertThat(retried.isReplay()).isFalse();
        }

        @Test
        void anEventCreatedWithAKeyIsAnsweredAgainAndAReuseWithAnotherBodyIs422() {
            Idempotency first = keyed("ev", SAME, T0, 5);
            AttachmentReply created = send(Commands.createEvent().event("EVT_from_key").idempotency(first),
                    T0.plusMillis(20));

            AttachmentReply again = send(Commands.createEvent().event("EVT_from_key")
                    .idempotency(keyed("ev", SAME, T0.plusSeconds(10), 5)), T0.plusSeconds(10));
            AttachmentReply reused = send(Commands.createEvent().event("EVT_from_key")
                    .idempotency(keyed("ev", OTHER, T0.plusSeconds(20), 5)), T0.plusSeconds(20));
            AttachmentReply forgotten = send(Commands.createEvent().event("EVT_from_key")
                    .idempotency(keyed("ev", SAME, T0.plus(Duration.ofDays(2)), 5)), T0.plus(Duration.ofDays(2)));

            assertThat(created.isCreated()).isTrue();
            assertThat(again.isReplay()).isTrue();
            assertThat(again.event()).isEqualTo(created.event());
            assertThat(reused.error()).isEqualTo(IdempotencyRules.KEY_REUSED);
            assertThat(forgotten.error()).as("a forgotten key still names a taken id")
                    .isEqualTo(IdempotencyRules.KEY_REUSED);
            assertThat(h.calendarEvents()).hasSize(1);
        }
    }

    @Nested
    class SdkRetries {

        @Test
        void aRetryOfTheSameRequestIsAnsweredWithTheFirstAttachment() {
            AttachmentReply first = send(menu(1, retry("crid-1", 0, SAME, T0)), T0.plusMillis(20));
            AttachmentReply retried = send(menu(2, retry("crid-1", 1, SAME, T0.plusSeconds(3))), T0.plusSeconds(3));

            assertThat(retried.isReplay()).isTrue();
            assertThat(retried.attachment()).isEqualTo(first.attachment());
            assertThat(h.storedForEvent(TENANT, EVENT)).hasSize(1);
        }

        @Test
        void twoIdenticalRequestsWithoutRetryAttemptStayTwo() {
            send(menu(1, retry("crid-1", 0, SAME, T0)), T0.plusMillis(20));
            AttachmentReply second = send(menu(2, retry("crid-1", 0, SAME, T0.plusSeconds(3))), T0.plusSeconds(3));

            assertThat(second.isReplay()).isFalse();
            assertThat(h.storedForEvent(TENANT, EVENT)).hasSize(2);
        }

        @Test
        void aRetryWithAnotherBodyOrAfterTheWindowIsNew() {
            send(menu(1, retry("crid-1", 0, SAME, T0)), T0.plusMillis(20));

            AttachmentReply otherBody = send(menu(2, retry("crid-1", 1, OTHER, T0.plusSeconds(3))),
                    T0.plusSeconds(3));
            AttachmentReply late = send(menu(3, retry("crid-1", 1, SAME, T0.plus(Duration.ofMinutes(11)))),
                    T0.plus(Duration.ofMinutes(11)));

            assertThat(otherBody.isReplay()).isFalse();
            assertThat(late.isReplay()).isFalse();
            assertThat(h.storedForEvent(TENANT, EVENT)).hasSize(3);
        }

        @Test
        void theOriginalArrivingAfterItsRetryIsThatRetry() {
            AttachmentReply retry = send(menu(2, retry("crid-1", 1, SAME, T0.plusSeconds(2))), T0.plusSeconds(3));
            AttachmentReply original = send(menu(1, retry("crid-1", 0, SAME, T0)), T0.plusSeconds(4));

            assertThat(original.isReplay()).isTrue();
            assertThat(original.attachment()).isEqualTo(retry.attachment());
            assertThat(h.storedForEvent(TENANT, EVENT)).hasSize(1);
        }
    }

    @Test
    void aCommandAskingForMoreThanAWeekIsUnprocessable() {
        Idempotency greedy = new Idempotency("k", null, 0, SAME, T0.toEpochMilli(), 0, 8 * DAY, 0);
        AttachmentReply reply = send(menu(1, greedy), T0);

        assertThat(reply.error().status()).isEqualTo(500);
        assertThat(h.storedForEvent(TENANT, EVENT)).isEmpty();
    }

    @Test
    void aReplayOfTheLogDecidesTheSame(@TempDir Path otherState) {
        List<AttachmentCommand> log = List.of(
                menu(1, keyed("k1", SAME, T0, 5)).build(),
                menu(2, keyed("k1", SAME, T0.plusSeconds(1), 5)).build(),
                menu(3, keyed("k1", OTHER, T0.plusSeconds(2), 5)).build(),
                menu(4, retry("crid-9", 0, SAME, T0.plusSeconds(3))).build(),
                menu(5, retry("crid-9", 1, SAME, T0.plusSeconds(4))).build());
        List<AttachmentReply> first = replay(h, log);
        h.close();
        h = new TopologyHarness(otherState);
        h.publish(Commands.myEvent());

        assertThat(replay(h, log)).isEqualTo(first);
        assertThat(first).extracting(AttachmentReply::isReplay).containsExactly(false, true, false, false, true);
    }

    private static List<AttachmentReply> replay(TopologyHarness h, List<AttachmentCommand> log) {
        for (int i = 0; i < log.size(); i++) {
            h.send(log.get(i), request(), T0.plusSeconds(i).plusMillis(100));
        }
        return h.replies().stream().map(record -> record.value()).toList();
    }
}
