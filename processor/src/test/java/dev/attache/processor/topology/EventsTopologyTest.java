package dev.attache.processor.topology;

import static dev.attache.processor.Commands.ADELE;
import static dev.attache.processor.Commands.DENIED;
import static dev.attache.processor.Commands.NOT_FOUND;
import static dev.attache.processor.Commands.SHARED_WRITER;
import static dev.attache.processor.Commands.EVENT;
import static dev.attache.processor.Commands.GROUP;
import static dev.attache.processor.Commands.MENU;
import static dev.attache.processor.Commands.OTHER_TENANT;
import static dev.attache.processor.Commands.OTHER_UPN;
import static dev.attache.processor.Commands.OTHER_USER;
import static dev.attache.processor.Commands.TENANT;
import static dev.attache.processor.Commands.UPN;
import static dev.attache.processor.Commands.USER;
import static dev.attache.processor.topology.TopologyHarness.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.attache.processor.Commands;
import dev.attache.processor.rules.LookupAnswer;
import dev.attache.processor.rules.LookupRules;
import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.schemas.attachment.AttachmentRecord;
import dev.attache.schemas.attachment.AttachmentReply;
import dev.attache.schemas.attachment.Principal;
import dev.attache.schemas.attachment.ReplyError;
import dev.attache.schemas.attachment.Route;
import dev.attache.schemas.event.CalendarEvent;
import dev.attache.schemas.event.CalendarShare;
import dev.attache.schemas.event.DirectoryEntry;
import dev.attache.schemas.event.EventInput;
import dev.attache.schemas.event.EventLookup;
import dev.attache.schemas.event.EventOwner;
import dev.attache.schemas.event.GroupMembership;
import dev.attache.schemas.kafka.AttachmentKeys;
import dev.attache.schemas.kafka.CalendarEventSerde;
import dev.attache.schemas.kafka.Topics;

/** The events registry, event commands and access decisions, through the whole topology. */
class EventsTopologyTest {

    static final Instant T0 = Instant.parse("2026-11-27T14:00:00.250Z");
    static final String EVENT_KEY = AttachmentKeys.eventKey(TENANT, EVENT);

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

    /** Sends {@code command} as a request and returns its one reply. */
    AttachmentReply ask(AttachmentCommand command, Instant appendTime) {
        h.send(command, request(), appendTime);
        return h.reply();
    }

    AttachmentReply ask(Commands command) {
        return ask(command.build(), T0);
    }

    /** The attachment was refused with {@code error}, its object discarded, nothing stored or published. */
    void assertRefused(Commands command, ReplyError error) {
        AttachmentCommand built = command.build();
        AttachmentReply reply = ask(built, T0);

        assertThat(reply).isEqualTo(AttachmentReply.rejected(built.attachmentId(), error));
        assertThat(h.discarded()).contains(built.object());
        assertThat(h.store().get(AttachmentKeys.attachmentKey(built.tenantId(), built.eventId(),
                built.attachmentId()))).isNull();
        assertThat(h.attachments()).isEmpty();
    }

    void assertCreated(Commands command) {
        AttachmentReply reply = ask(command);
        assertThat(reply.outcome()).as("%s", reply.error()).isEqualTo(AttachmentReply.CREATED);
        assertThat(reply.attachment()).isNotNull();
    }

    @Nested
    class CreateEvent {

        @Test
        void aNewEventIsStoredPublishedAndAnswered() {
            AttachmentReply reply = ask(Commands.createEvent());

            CalendarEvent event = h.eventsStore().get(EVENT_KEY);
            assertThat(event.owner()).isEqualTo(new EventOwner(EventOwner.USER, USER, UPN));
            assertThat(event.createdDateTime()).isEqualTo("2026-11-27T14:00:00Z");
            assertThat(reply).isEqualTo(AttachmentReply.eventCreated(event));
            assertThat(reply.attachmentId()).isNull();

            List<TestRecord<String, CalendarEvent>> published = h.calendarEvents();
            assertThat(published).hasSize(1);
            assertThat(published.get(0).key()).isEqualTo(EVENT_KEY);
            assertThat(published.get(0).value()).isEqualTo(event);
            assertThat(published.get(0).getRecordTime()).isEqualTo(T0);
            assertThat(published.get(0).headers().toArray()).extracting(Header::key)
                    .as("marked as the processor's own, nothing from the command").containsExactly("attache-origin");
            assertThat(h.counted("created")).isEqualTo(1);
        }

        @Test
        void aRedeliveredCreateIsAnsweredWithTheRegisteredEvent() {
            AttachmentReply first = ask(Commands.createEvent().build(), T0);
            AttachmentReply again = ask(Commands.createEvent().build(), T0.plusSeconds(90));

            assertThat(again).isEqualTo(first);
            assertThat(again.event().createdDateTime()).isEqualTo("2026-11-27T14:00:00Z");
            assertThat(h.calendarEvents()).hasSize(1);
            assertThat(h.counted("duplicate")).isEqualTo(1);
        }

        @Test
        void anAttachmentMayFollowRightAway() {
            h.send(Commands.createEvent().build(), new RecordHeaders(), T0);

            assertCreated(menu(1));
        }

        @Test
        void anInvalidOrForbiddenEventIsRefusedAndNothingIsRegistered() {
            AttachmentReply invalid = ask(Commands.createEvent().eventInput(new EventInput(
                    "s".repeat(256), null, null, null, null, null)));
            AttachmentReply forbidden = ask(Commands.createEvent().route("user", OTHER_USER, "events", null, null));

            assertThat(invalid.error().code()).isEqualTo("ErrorInvalidRequest");
            assertThat(forbidden).isEqualTo(AttachmentReply.rejected(null, DENIED));
            assertThat(h.eventsStore().get(EVENT_KEY)).isNull();
            assertThat(h.calendarEvents()).isEmpty();
            assertThat(h.counted("rejected")).isEqualTo(2);
        }

        @Test
        void anUnreadableEventCommandIsAnsweredButChangesNothing() {
            AttachmentReply reply = ask(Commands.createEvent().schemaVersion(2));

            assertThat(reply).isEqualTo(AttachmentReply.rejected(null, new ReplyError(500, "generalException",
                    "The event could not be processed.")));
            assertThat(h.eventsStore().get(EVENT_KEY)).isNull();
            assertThat(h.counted("unprocessable")).isEqualTo(1);
        }
    }

    @Nested
    class DeleteEvent {

        @Test
        void deletingAnEventDeletesItsAttachmentsAndTheirObjects() {
            h.publish(Commands.myEvent());
            h.publish(Commands.event(TENANT, EVENT + "2", Commands.myEvent().owner(), null, null));
            AttachmentCommand one = menu(1).build();
            AttachmentCommand two = Commands.file("flower", Commands.JPEG).id(Commands.attachmentId(2)).build();
            AttachmentCommand elsewhere = menu(3).event(EVENT + "2").build();
            for (AttachmentCommand add : List.of(one, two, elsewhere)) {
                h.send(add, new RecordHeaders(), T0);
            }
            h.attachments();

            AttachmentReply reply = ask(Commands.deleteEvent().build(), T0.plusSeconds(60));

            assertThat(reply).isEqualTo(AttachmentReply.eventDeleted(Commands.myEvent()));
            assertThat(h.eventsStore().get(EVENT_KEY)).isNull();
            List<TestRecord<String, CalendarEvent>> tombstones = h.calendarEvents();
            assertThat(tombstones).extracting(TestRecord::key).containsExactly(EVENT_KEY);
            assertThat(tombstones.get(0).value()).isNull();
            assertThat(h.storedForEvent(TENANT, EVENT)).isEmpty();
            List<TestRecord<String, AttachmentRecord>> published = h.attachments();
            assertThat(published).extracting(TestRecord::key).containsExactlyInAnyOrder(
                    AttachmentKeys.attachmentKey(TENANT, EVENT, one.attachmentId()),
                    AttachmentKeys.attachmentKey(TENANT, EVENT, two.attachmentId()));
            assertThat(published).extracting(TestRecord::value).containsOnlyNulls();
            assertThat(h.discarded()).containsExactlyInAnyOrder(one.object(), two.object());
            assertThat(h.storedForEvent(TENANT, EVENT + "2")).as("another event's attachments stay").hasSize(1);
            assertThat(h.counted("deleted")).isEqualTo(1);

            assertRefused(menu(4), NOT_FOUND);
        }

        @Test
        void aCreatedEventCanBeDeleted() {
            h.send(Commands.createEvent().build(), new RecordHeaders(), T0);
            h.calendarEvents();

            assertThat(ask(Commands.deleteEvent()).outcome()).isEqualTo(AttachmentReply.DELETED);
            assertThat(h.eventsStore().get(EVENT_KEY)).isNull();
            assertThat(ask(Commands.deleteEvent())).as("deleting twice")
                    .isEqualTo(AttachmentReply.rejected(null, NOT_FOUND));
        }

        @Test
        void onlyWhereItIsAndByWhoMayWrite() {
            h.publish(Commands.event(TENANT, EVENT, ADELE, null, null));
            h.share(new CalendarShare(1, TENANT, OTHER_USER, null, USER, CalendarShare.READ));

            assertThat(ask(Commands.deleteEvent())).as("not in my calendar")
                    .isEqualTo(AttachmentReply.rejected(null, NOT_FOUND));
            assertThat(ask(Commands.deleteEvent().principal(SHARED_WRITER).route("user", OTHER_USER, "events", null,
                    null))).as("shared for reading only").isEqualTo(AttachmentReply.rejected(null, DENIED));
            assertThat(h.eventsStore().get(EVENT_KEY)).isNotNull();
            assertThat(h.calendarEvents()).isEmpty();
        }

        @Test
        void aLateEchoOfTheProcessorsOwnWriteDoesNotResurrectTheEvent() {
            h.send(Commands.createEvent().build(), new RecordHeaders(), T0);
            CalendarEvent created = h.eventsStore().get(EVENT_KEY);
            h.send(Commands.deleteEvent().build(), new RecordHeaders(), T0.plusSeconds(1));

            // the create's record read back from calendar-events only now (it is the processor's own, marked)
            h.events.pipeInput(new TestRecord<>(EVENT_KEY, created, new RecordHeaders().add("attache-origin",
                    "processor".getBytes(StandardCharsets.UTF_8)), T0));

            assertThat(h.eventsStore().get(EVENT_KEY)).isNull();
            assertRefused(menu(1), NOT_FOUND);
        }
    }

    @Nested
    class AttachmentsNeedTheirEvent {

        @Test
        void noEventNoAttachment() {
            assertRefused(menu(1), NOT_FOUND);
            assertThat(h.counted("rejected")).isEqualTo(1);
        }

        @Test
        void anEventOfAnotherTenantIsNotFoundUnderTheSameId() {
            h.publish(Commands.event(OTHER_TENANT, EVENT, new EventOwner(EventOwner.USER, USER, UPN), null, null));

            assertRefused(menu(1), NOT_FOUND);
        }

        @Test
        void theRouteMustSayWhereTheEventIs() {
            h.publish(Commands.myEvent());

            assertRefused(menu(1).route("me", USER, "calendars", null, "C2"), NOT_FOUND);
            assertRefused(menu(2).route("user", OTHER_USER, "events", null, null), NOT_FOUND);
            assertRefused(menu(3).route("group", GROUP, "events", null, null), NOT_FOUND);
            assertCreated(menu(4).route("me", USER, "calendar", null, null));
            assertCreated(menu(5).route("user", "DEV@attache.local", "events", null, null));
        }

        @Test
        void aRedeliveredAddIsAnsweredFromTheStoreBeforeAnyAccessCheck() {
            h.publish(Commands.myEvent());
            Commands inDefaultCalendar = menu(1).route("me", USER, "calendar", null, null);
            AttachmentReply first = ask(inDefaultCalendar);
            // the system of record moves the event: the route of the original command no longer matches
            h.publish(Commands.event(TENANT, EVENT, Commands.myEvent().owner(), null, "C9"));

            assertThat(ask(inDefaultCalendar.build(), T0.plusSeconds(5))).isEqualTo(first);
            assertThat(h.discarded()).isEmpty();
        }
    }

    @Nested
    class AnotherUsersCalendar {

        @BeforeEach
        void adelesEvent() {
            h.publish(Commands.event(TENANT, EVENT, ADELE, null, "C1"));
            h.name(new DirectoryEntry(1, TENANT, OTHER_UPN, OTHER_USER));
        }

        Commands toAdele(int n) {
            return menu(n).principal(SHARED_WRITER).route("user", OTHER_UPN, "events", null, null);
        }

        @Test
        void withoutAShareIsDenied() {
            assertRefused(toAdele(1), DENIED);
        }

        @Test
        void withAWriteShareOfThatCalendarIsAllowed() {
            h.share(new CalendarShare(1, TENANT, OTHER_USER, "C1", USER, CalendarShare.WRITE));

            assertCreated(toAdele(1));
        }

        @Test
        void aRevokedShareNoLongerCounts() {
            h.share(new CalendarShare(1, TENANT, OTHER_USER, "C1", USER, CalendarShare.WRITE));
            h.shares.pipeInput(AttachmentKeys.shareKey(TENANT, OTHER_USER, "C1", USER), null);

            assertRefused(toAdele(1), DENIED);
        }

        @Test
        void aNameTheDirectoryDoesNotKnowFindsNothingEvenWithAShare() {
            h.share(new CalendarShare(1, TENANT, OTHER_USER, "C1", USER, CalendarShare.WRITE));
            h.directory.pipeInput(AttachmentKeys.directoryKey(TENANT, OTHER_UPN), null);

            assertRefused(toAdele(1), NOT_FOUND);
        }

        @Test
        void aTokenCarryingAdelesNameUnderAnotherObjectIdIsNotAdele() {
            Principal impostor = new Principal(Principal.DELEGATED, USER, OTHER_UPN, List.of("Calendars.ReadWrite"),
                    List.of());

            assertRefused(menu(1).principal(impostor).route("me", USER, "events", null, null), NOT_FOUND);
            assertRefused(menu(2).principal(impostor).route("user", OTHER_UPN, "events", null, null), DENIED);
        }

        @Test
        void anAppMayWithoutShare() {
            assertCreated(menu(1).principal(Commands.APP).route("user", OTHER_USER, "calendars", null, "C1"));
        }
    }

    @Nested
    class GroupEvents {

        @BeforeEach
        void groupsEvent() {
            h.publish(Commands.event(TENANT, EVENT, new EventOwner(EventOwner.GROUP, GROUP, null), null, null));
        }

        Commands toGroup(int n, List<String> groups) {
            return menu(n).principal(new Principal(Principal.DELEGATED, USER, UPN,
                    List.of("Calendars.ReadWrite", "Group.ReadWrite.All"), groups))
                    .route("group", GROUP, "calendar", null, null);
        }

        @Test
        void aMemberByTheTokensGroupsClaim() {
            assertCreated(toGroup(1, List.of(GROUP)));
        }

        @Test
        void aMemberByTheRegistry() {
            h.member(new GroupMembership(1, TENANT, GROUP, USER));

            assertCreated(toGroup(1, List.of()));
        }

        @Test
        void aNonMemberIsDenied() {
            h.member(new GroupMembership(1, TENANT, GROUP, OTHER_USER));

            assertRefused(toGroup(1, List.of("another-group")), DENIED);
        }

        @Test
        void aMembershipEndedByTombstoneNoLongerCounts() {
            h.member(new GroupMembership(1, TENANT, GROUP, USER));
            h.memberships.pipeInput(AttachmentKeys.membershipKey(TENANT, GROUP, USER), null);

            assertRefused(toGroup(1, List.of()), DENIED);
        }
    }

    @Nested
    class Registry {

        @Test
        void anEventPublishedThenDeletedByTheSystemOfRecord() {
            h.publish(Commands.myEvent());
            AttachmentCommand attached = menu(1).build();
            assertThat(ask(attached, T0).outcome()).isEqualTo(AttachmentReply.CREATED);
            h.attachments();

            h.events.pipeInput(new TestRecord<>(EVENT_KEY, null, new RecordHeaders(), T0.plusSeconds(7)));

            assertThat(h.eventsStore().get(EVENT_KEY)).isNull();
            // its attachments go with it, as after a Graph delete
            assertThat(h.storedForEvent(TENANT, EVENT)).isEmpty();
            List<TestRecord<String, AttachmentRecord>> tombstones = h.attachments();
            assertThat(tombstones).extracting(TestRecord::key).containsExactly(AttachmentKeys.attachmentKey(TENANT,
                    EVENT, attached.attachmentId()));
            assertThat(tombstones.get(0).value()).isNull();
            assertThat(tombstones.get(0).getRecordTime()).isEqualTo(T0.plusSeconds(7));
            assertThat(h.discarded()).containsExactly(attached.object());
            assertRefused(menu(2), NOT_FOUND);
        }

        @Test
        void aTombstoneKeyedByATenantAloneDeletesNoAttachments() {
            h.publish(Commands.myEvent());
            h.send(menu(1).build(), new RecordHeaders(), T0);
            h.attachments();

            h.events.pipeInput(AttachmentKeys.eventKey(TENANT, "x").split("/")[0], null);

            assertThat(h.storedForEvent(TENANT, EVENT)).hasSize(1);
            assertThat(h.attachments()).isEmpty();
            assertThat(h.discarded()).isEmpty();
        }

        @Test
        void anUpdateMovesTheEvent() {
            h.publish(Commands.myEvent());
            h.publish(Commands.event(TENANT, EVENT, Commands.myEvent().owner(), null, "C9"));

            assertRefused(menu(1).route("me", USER, "calendar", null, null), NOT_FOUND);
            assertCreated(menu(2).route("me", USER, "calendars", null, "C9"));
        }

        @Test
        void anEventFiledUnderAnotherKeyIsIgnored() {
            // a record whose value is tenant B's event, keyed as tenant A's: it must not become A's event
            h.events.pipeInput(EVENT_KEY, Commands.event(OTHER_TENANT, EVENT, Commands.myEvent().owner(), null,
                    null));

            assertThat(h.eventsStore().get(EVENT_KEY)).isNull();
            assertRefused(menu(1), NOT_FOUND);
        }

        @Test
        void replayingCommandsAndRegistryRebuildsTheSameOutputs(@TempDir Path replayStateDir) {
            List<AttachmentCommand> log = List.of(
                    Commands.createEvent().build(),
                    menu(1).build(),
                    menu(2).event(EVENT + "x").build(),
                    Commands.deleteEvent().build(),
                    menu(3).build());
            for (int i = 0; i < log.size(); i++) {
                h.send(log.get(i), request(), T0.plusMillis(1_337L * i));
            }
            List<String> live = h.rawAttachments();
            List<String> liveEvents = rawEvents(h);

            try (TopologyHarness replay = new TopologyHarness(replayStateDir)) {
                for (int i = 0; i < log.size(); i++) {
                    replay.send(log.get(i), new RecordHeaders(), T0.plusMillis(1_337L * i));
                }

                assertThat(live).hasSize(2); // menu(1), then its tombstone
                assertThat(replay.rawAttachments()).isEqualTo(live);
                assertThat(rawEvents(replay)).hasSize(2).isEqualTo(liveEvents);
            }
        }

        private List<String> rawEvents(TopologyHarness harness) {
            return harness.calendarEvents().stream()
                    .map(r -> r.key() + ' ' + (r.value() == null ? "-" : new String(new CalendarEventSerde()
                            .serialize(Topics.CALENDAR_EVENTS, r.value()), StandardCharsets.UTF_8)) + ' '
                            + r.timestamp())
                    .toList();
        }
    }

    /**
     * Lookups read what the commands wrote, with the same registry: the events store and the global stores of the
     * topology, as the interactive queries of {@code StateQueries} reach them.
     */
    @Nested
    class Lookups {

        static final Principal SHARED_READER = new Principal(Principal.DELEGATED, USER, UPN,
                List.of("Calendars.Read", "Calendars.Read.Shared"), List.of());

        LookupAnswer lookup(Route route, Principal principal) {
            return LookupRules.answer(new EventLookup(TENANT, EVENT, route, principal), h.eventsStore()::get,
                    h.registry());
        }

        @Test
        void anEventCreatedByACommandIsFoundUntilItIsDeleted() {
            Route mine = new Route("v1.0", "me", USER, "events", null, null);
            ask(Commands.createEvent());

            assertThat(lookup(mine, Commands.ME)).isEqualTo(LookupAnswer.found(h.eventsStore().get(EVENT_KEY)));

            ask(Commands.deleteEvent());

            assertThat(lookup(mine, Commands.ME)).isEqualTo(LookupAnswer.refused(NOT_FOUND));
        }

        @Test
        void anotherUsersEventNeedsAReadShareFromTheSharesTopic() {
            CalendarEvent adeles = Commands.event(TENANT, EVENT, ADELE, null, "C1");
            h.publish(adeles);
            h.name(new DirectoryEntry(1, TENANT, OTHER_UPN, OTHER_USER));
            Route route = new Route("v1.0", "user", OTHER_UPN, "calendars", null, "C1");

            assertThat(lookup(route, SHARED_READER)).isEqualTo(LookupAnswer.refused(DENIED));

            h.share(new CalendarShare(1, TENANT, OTHER_USER, "C1", USER, CalendarShare.READ));

            assertThat(lookup(route, SHARED_READER)).isEqualTo(LookupAnswer.found(adeles));
            // the same share does not let a command write there
            assertRefused(menu(1).principal(SHARED_WRITER).route("user", OTHER_UPN, "calendars", null, "C1"),
                    DENIED);
        }

        @Test
        void aGroupsEventIsReadByAMemberFromTheMembershipsTopic() {
            CalendarEvent groups = Commands.event(TENANT, EVENT, new EventOwner(EventOwner.GROUP, GROUP, null),
                    null, null);
            h.publish(groups);
            Route route = new Route("v1.0", "group", GROUP, "calendar", null, null);
            Principal noClaim = new Principal(Principal.DELEGATED, USER, UPN, List.of("Group.Read.All"), null);

            assertThat(lookup(route, noClaim)).isEqualTo(LookupAnswer.refused(DENIED));

            h.member(new GroupMembership(GroupMembership.SCHEMA_VERSION, TENANT, GROUP, USER));

            assertThat(lookup(route, noClaim)).isEqualTo(LookupAnswer.found(groups));
        }

        @Test
        void anotherTenantsEventIsNotFound() {
            h.publish(Commands.event(OTHER_TENANT, EVENT, Commands.myEvent().owner(), null, null));

            assertThat(lookup(new Route("v1.0", "me", USER, "events", null, null), Commands.ME))
                    .isEqualTo(LookupAnswer.refused(NOT_FOUND));
        }
    }
}
