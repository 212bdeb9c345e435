package dev.attache.processor.topology;

import static dev.attache.processor.Commands.ADELE;
import static dev.attache.processor.Commands.DENIED;
import static dev.attache.processor.Commands.NOT_FOUND;
import static dev.attache.processor.Commands.SHARED_WRITER;
import static dev.attache.processor.Commands.EVENT;
import static dev.attache.processor.Commands.JPEG;
import static dev.attache.processor.Commands.MENU;
import static dev.attache.processor.Commands.OTHER_TENANT;
import static dev.attache.processor.Commands.OTHER_UPN;
import static dev.attache.processor.Commands.OTHER_USER;
import static dev.attache.processor.Commands.TENANT;
import static dev.attache.processor.Commands.UPN;
import static dev.attache.processor.Commands.USER;
import static dev.attache.processor.topology.TopologyHarness.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.attache.processor.Commands;
import dev.attache.processor.rules.AttachmentList;
import dev.attache.processor.rules.AttachmentQueryRules;
import dev.attache.processor.rules.LookupAnswer;
import dev.attache.schemas.ContractSchemas;
import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.schemas.attachment.AttachmentQuery;
import dev.attache.schemas.attachment.AttachmentRecord;
import dev.attache.schemas.attachment.AttachmentReply;
import dev.attache.schemas.attachment.ObjectRef;
import dev.attache.schemas.attachment.ReplyError;
import dev.attache.schemas.attachment.Route;
import dev.attache.schemas.event.CalendarShare;
import dev.attache.schemas.event.DirectoryEntry;
import dev.attache.schemas.kafka.AttachmentKeys;
import dev.attache.schemas.kafka.JsonSerde;
import dev.attache.schemas.kafka.Topics;

/** {@code delete-attachment} through the whole topology, and attachment queries over the stores it leaves. */
class DeleteAttachmentTopologyTest {

    static final Instant T0 = Instant.parse("2026-11-27T14:00:00.250Z");
    static final Instant LATER = T0.plusSeconds(60);

    @TempDir
    Path stateDir;

    TopologyHarness h;

    @BeforeEach
    void start() {
        h = new TopologyHarness(stateDir);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    static Commands menu(int n) {
        return Commands.file("menu.txt", MENU).id(Commands.attachmentId(n));
    }

    static String key(String attachmentId) {
        return AttachmentKeys.attachmentKey(TENANT, EVENT, attachmentId);
    }

    /** Adds {@code add} (no reply asked), drains what it published and returns the stored record. */
    AttachmentRecord added(Commands add) {
        AttachmentCommand command = add.build();
        h.send(command, new RecordHeaders(), T0);
        AttachmentRecord stored = h.store().get(AttachmentKeys.attachmentKey(command.tenantId(), command.eventId(),
                command.attachmentId()));
        assertThat(stored).as("added %s", command.attachmentId()).isNotNull();
        h.attachments();
        return stored;
    }

    AttachmentReply ask(Commands command, Instant appendTime) {
        h.send(command.build(), request(), appendTime);
        return h.reply();
    }

    AttachmentReply delete(String attachmentId) {
        return ask(Commands.deleteAttachment(attachmentId), LATER);
    }

    /** Nothing changed: the record is still stored, nothing published or discarded. */
    void assertUntouched(AttachmentRecord record) {
        assertThat(h.store().get(AttachmentKeys.attachmentKey(record.tenantId(), record.eventId(),
                record.attachmentId()))).isEqualTo(record);
        assertThat(h.attachments()).isEmpty();
        assertThat(h.discarded()).isEmpty();
    }

    @Nested
    class Deleted {

        @Test
        void theRecordLeavesTheStoreIsTombstonedItsObjectDiscardedAndItIsAnswered() {
            h.publish(Commands.myEvent());
            AttachmentRecord menu = added(menu(1));
            AttachmentRecord flower = added(Commands.file("flower", JPEG).id(Commands.attachmentId(2)));

            AttachmentReply reply = delete(menu.attachmentId());

            assertThat(reply).isEqualTo(AttachmentReply.attachmentDeleted(menu));
            assertThat(reply.outcome()).isEqualTo(AttachmentReply.DELETED);
            assertThat(reply.attachmentId()).isEqualTo(menu.attachmentId());
            assertThat(h.store().get(key(menu.attachmentId()))).isNull();
            assertThat(h.storedForEvent(TENANT, EVENT)).extracting(entry -> entry.value).containsExactly(flower);
            List<TestRecord<String, AttachmentRecord>> published = h.attachments();
            assertThat(published).extracting(TestRecord::key).containsExactly(key(menu.attachmentId()));
            assertThat(published.get(0).value()).isNull();
            assertThat(published.get(0).getRecordTime()).isEqualTo(LATER);
            assertThat(published.get(0).headers().toArray()).as("no command header on the tombstone").isEmpty();
            assertThat(h.discarded()).containsExactly(menu.object());
            assertThat(menu.object()).isEqualTo(menu(1).build().object());
            // the event is not touched
            assertThat(h.eventsStore().get(AttachmentKeys.eventKey(TENANT, EVENT))).isEqualTo(Commands.myEvent());
            assertThat(h.calendarEvents()).isEmpty();
            assertThat(h.counted("deleted")).isEqualTo(1);
            assertThat(h.counted("rejected")).isZero();
        }

        @Test
        void theCommandIsTheContractsAndAnyRouteToTheEventWorks() {
            AttachmentCommand command = Commands.deleteAttachment(Commands.attachmentId(1)).build();
            TopologyHarness.assertConforms(ContractSchemas.COMMAND_V1,
                    JsonSerde.commands().serialize(Topics.ATTACHMENT_COMMANDS, command));
            h.publish(Commands.myEvent());
            AttachmentRecord menu = added(menu(1));

            assertThat(ask(Commands.deleteAttachment(menu.attachmentId()).route("user", "DEV@attache.local",
                    "calendar", null, null), LATER)).isEqualTo(AttachmentReply.attachmentDeleted(menu));
        }

        @Test
        void anotherUsersAttachmentWithAWriteShareOrByAnApp() {
            h.publish(Commands.event(TENANT, EVENT, ADELE, null, "C1"));
            AttachmentRecord one = added(menu(1).principal(Commands.APP).route("user", OTHER_USER, "events", null,
                    null));
            AttachmentRecord two = added(menu(2).principal(Commands.APP).route("user", OTHER_USER, "events", null,
                    null));
            h.share(new CalendarShare(1, TENANT, OTHER_USER, "C1", USER, CalendarShare.WRITE));
            h.name(new DirectoryEntry(1, TENANT, OTHER_UPN, OTHER_USER));

            assertThat(ask(Commands.deleteAttachment(one.attachmentId()).principal(SHARED_WRITER)
                    .route("user", OTHER_UPN, "calendars", null, "C1"), LATER))
                    .isEqualTo(AttachmentReply.attachmentDeleted(one));
            assertThat(ask(Commands.deleteAttachment(two.attachmentId()).principal(Commands.APP)
                    .route("user", OTHER_USER, "events", null, null), LATER))
                    .isEqualTo(AttachmentReply.attachmentDeleted(two));
            assertThat(h.storedForEvent(TENANT, EVENT)).isEmpty();
            assertThat(h.discarded()).containsExactly(one.object(), two.object());
        }
    }

    @Nested
    class NotDeleted {

        @Test
        void aRedeliveredDeleteFindsNothingAndChangesNothing() {
            h.publish(Commands.myEvent());
            AttachmentRecord menu = added(menu(1));
            assertThat(delete(menu.attachmentId()).outcome()).isEqualTo(AttachmentReply.DELETED);
            h.attachments();

            AttachmentReply again = ask(Commands.deleteAttachment(menu.attachmentId()), LATER.plusSeconds(30));

            assertThat(again).isEqualTo(AttachmentReply.rejected(menu.attachmentId(), NOT_FOUND));
            assertThat(h.attachments()).isEmpty();
            assertThat(h.discarded()).as("discarded once").containsExactly(menu.object());
            assertThat(h.counted("deleted")).isEqualTo(1);
            assertThat(h.counted("rejected")).isEqualTo(1);
        }

        @Test
        void anUnknownAttachmentIsNotFound() {
            h.publish(Commands.myEvent());
            AttachmentRecord menu = added(menu(1));

            assertThat(delete(Commands.attachmentId(9)))
                    .isEqualTo(AttachmentReply.rejected(Commands.attachmentId(9), NOT_FOUND));
            assertUntouched(menu);
            assertThat(h.counted("rejected")).isEqualTo(1);
        }

        @Test
        void anotherEventsAttachmentIsNotFoundThroughThisEvent() {
            h.publish(Commands.myEvent());
            h.publish(Commands.event(TENANT, EVENT + "2", Commands.myEvent().owner(), null, null));
            AttachmentRecord elsewhere = added(menu(1).event(EVENT + "2"));

            assertThat(delete(elsewhere.attachmentId()))
                    .isEqualTo(AttachmentReply.rejected(elsewhere.attachmentId(), NOT_FOUND));
            assertUntouched(elsewhere);
        }

        @Test
        void noEventNoDelete() {
            assertThat(delete(Commands.attachmentId(1)))
                    .isEqualTo(AttachmentReply.rejected(Commands.attachmentId(1), NOT_FOUND));
            assertThat(h.attachments()).isEmpty();
            assertThat(h.discarded()).isEmpty();
        }

        @Test
        void anotherUsersEventIsNotFoundThroughMyPathAndDeniedWithoutAWriteShare() {
            h.publish(Commands.event(TENANT, EVENT, ADELE, null, null));
            AttachmentRecord adeles = added(menu(1).principal(Commands.APP).route("user", OTHER_USER, "events", null,
                    null));
            h.share(new CalendarShare(1, TENANT, OTHER_USER, null, USER, CalendarShare.READ));

            assertThat(delete(adeles.attachmentId())).as("not in my calendar")
                    .isEqualTo(AttachmentReply.rejected(adeles.attachmentId(), NOT_FOUND));
            assertThat(ask(Commands.deleteAttachment(adeles.attachmentId()).principal(SHARED_WRITER)
                    .route("user", OTHER_USER, "events", null, null), LATER)).as("shared for reading only")
                    .isEqualTo(AttachmentReply.rejected(adeles.attachmentId(), DENIED));
            // access is decided before the attachment is looked for: no way to probe ids where one may not write
            assertThat(ask(Commands.deleteAttachment(Commands.attachmentId(9)).principal(SHARED_WRITER)
                    .route("user", OTHER_USER, "events", null, null), LATER)).as("unknown id, same answer")
                    .isEqualTo(AttachmentReply.rejected(Commands.attachmentId(9), DENIED));
            assertUntouched(adeles);
            assertThat(h.counted("rejected")).isEqualTo(3);
        }

        @Test
        void anotherTenantsDeleteFindsNothingUnderTheSameIds() {
            h.publish(Commands.myEvent());
            AttachmentRecord mine = added(menu(1));

            Commands fromTenantB = Commands.deleteAttachment(mine.attachmentId()).tenant(OTHER_TENANT);
            assertThat(ask(fromTenantB, LATER)).as("tenant B has no such event")
                    .isEqualTo(AttachmentReply.rejected(mine.attachmentId(), NOT_FOUND));

            // tenant B has an event with the same id, owned by a user with the same object id: still not A's record
            h.publish(Commands.event(OTHER_TENANT, EVENT, Commands.myEvent().owner(), null, null));
            assertThat(ask(fromTenantB, LATER)).as("tenant B's event has no such attachment")
                    .isEqualTo(AttachmentReply.rejected(mine.attachmentId(), NOT_FOUND));
            assertUntouched(mine);
        }

        @Test
        void meWithAnAppTokenIsABadRequest() {
            h.publish(Commands.myEvent());
            AttachmentRecord menu = added(menu(1));

            assertThat(ask(Commands.deleteAttachment(menu.attachmentId()).principal(Commands.APP), LATER).error())
                    .isEqualTo(new ReplyError(400, "BadRequest",
                            "/me request is only valid with delegated authentication flow."));
            assertUntouched(menu);
        }

        @Test
        void anUnreadableDeleteIsAnsweredButChangesNothing() {
            h.publish(Commands.myEvent());
            AttachmentRecord menu = added(menu(1));

            AttachmentReply reply = ask(Commands.deleteAttachment(null), LATER);

            assertThat(reply).isEqualTo(AttachmentReply.rejected(null, new ReplyError(500, "generalException",
                    "The attachment could not be processed.")));
            assertUntouched(menu);
            assertThat(h.counted("unprocessable")).isEqualTo(1);
        }
    }

    @Nested
    class Replay {

        @Test
        void replayingAddsAndDeletesRebuildsTheSameRecordsTombstonesObjectsAndReplies(
                @TempDir Path replayStateDir) {
            List<AttachmentCommand> log = List.of(
                    Commands.createEvent().build(),
                    menu(1).build(),
                    Commands.file("flower", JPEG).id(Commands.attachmentId(2)).build(),
                    Commands.deleteAttachment(Commands.attachmentId(1)).build(),
                    // redelivered: the attachment is gone
                    Commands.deleteAttachment(Commands.attachmentId(1)).build(),
                    Commands.deleteAttachment(Commands.attachmentId(3)).build(),
                    menu(3).build(),
                    Commands.deleteAttachment(Commands.attachmentId(3)).build());
            Run live = run(h, log);

            try (TopologyHarness replay = new TopologyHarness(replayStateDir)) {
                Run again = run(replay, log);

                assertThat(live.attachments()).hasSize(5); // 3 records, 2 tombstones
                assertThat(again).isEqualTo(live);
            }
            assertThat(live.replies()).extracting(AttachmentReply::outcome).containsExactly("created", "created",
                    "created", "deleted", "rejected", "rejected", "created", "deleted");
            assertThat(live.stored()).extracting(entry -> entry.value.attachmentId())
                    .containsExactly(Commands.attachmentId(2));
        }

        /** What a run of the log leaves: topic bytes, replies, the store and the discarded objects. */
        record Run(List<String> attachments, List<AttachmentReply> replies,
                List<KeyValue<String, AttachmentRecord>> stored, List<ObjectRef> discarded) {
        }

        private Run run(TopologyHarness harness, List<AttachmentCommand> log) {
            for (int i = 0; i < log.size(); i++) {
                harness.send(log.get(i), request(), T0.plusMillis(1_337L * i));
            }
            List<AttachmentReply> replies = new ArrayList<>();
            harness.replies().forEach(reply -> replies.add(reply.value()));
            return new Run(harness.rawAttachments(), replies, harness.storedForEvent(TENANT, EVENT),
                    List.copyOf(harness.discarded()));
        }
    }

    /**
     * Attachment queries read what the commands wrote, with the same registry: the stores of the topology, as the
     * interactive queries of {@code StateQueries} reach them.
     */
    @Nested
    class Queries {

        static final Route MINE = new Route("v1.0", "me", USER, "events", null, null);

        LookupAnswer query(String attachmentId) {
            return AttachmentQueryRules.answer(new AttachmentQuery(TENANT, EVENT, attachmentId, MINE, Commands.ME),
                    h.eventsStore()::get, new StoreAttachments(h.store()),
                    h.registry());
        }

        @Test
        void aListIsTheEventsRangeInKeyOrderAndFollowsAddsAndDeletes() {
            h.publish(Commands.myEvent());
            h.publish(Commands.event(TENANT, EVENT + "2", Commands.myEvent().owner(), null, null));
            AttachmentRecord three = added(menu(3));
            AttachmentRecord one = added(menu(1));
            AttachmentRecord two = added(menu(2));
            added(menu(4).event(EVENT + "2"));

            assertThat(query(null)).isEqualTo(LookupAnswer.found(new AttachmentList(List.of(one, two, three))));
            assertThat(query(two.attachmentId())).isEqualTo(LookupAnswer.found(new AttachmentList(List.of(two))));

            delete(two.attachmentId());

            assertThat(query(null)).isEqualTo(LookupAnswer.found(new AttachmentList(List.of(one, three))));
            assertThat(query(two.attachmentId())).isEqualTo(LookupAnswer.refused(NOT_FOUND));
        }

        @Test
        void deletingTheEventLeavesNothingToList() {
            h.send(Commands.createEvent().build(), new RecordHeaders(), T0);
            added(menu(1));
            assertThat(((AttachmentList) query(null).body()).value()).hasSize(1);

            h.send(Commands.deleteEvent().build(), new RecordHeaders(), LATER);

            assertThat(query(null)).isEqualTo(LookupAnswer.refused(NOT_FOUND));
            assertThat(h.storedForEvent(TENANT, EVENT)).isEmpty();
        }
    }
}
