package dev.attache.processor.rules;

import static dev.attache.processor.Commands.APP;
import static dev.attache.processor.Commands.EVENT;
import static dev.attache.processor.Commands.ME;
import static dev.attache.processor.Commands.MENU;
import static dev.attache.processor.Commands.OTHER_TENANT;
import static dev.attache.processor.Commands.OTHER_UPN;
import static dev.attache.processor.Commands.OTHER_USER;
import static dev.attache.processor.Commands.TENANT;
import static dev.attache.processor.Commands.UPN;
import static dev.attache.processor.Commands.USER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.attache.processor.Commands;
import dev.attache.schemas.attachment.AttachmentQuery;
import dev.attache.schemas.attachment.AttachmentRecord;
import dev.attache.schemas.attachment.Principal;
import dev.attache.schemas.attachment.ReplyError;
import dev.attache.schemas.attachment.Route;
import dev.attache.schemas.event.CalendarEvent;
import dev.attache.schemas.event.CalendarShare;
import dev.attache.schemas.event.EventOwner;
import dev.attache.schemas.kafka.AttachmentKeys;

/** The answer to an attachment query, from in-memory events and attachments stores and registry. */
class AttachmentQueryRulesTest {

    static final Instant APPENDED = Instant.parse("2026-11-27T14:00:00.250Z");
    static final EventOwner ADELES = new EventOwner(EventOwner.USER, OTHER_USER, OTHER_UPN);
    static final Route MY_EVENTS = route("me", USER, "events", null, null);
    static final Route ADELES_EVENTS = route("user", OTHER_USER, "events", null, null);
    static final Principal SHARED_READER = new Principal(Principal.DELEGATED, USER, UPN,
            List.of("Calendars.Read", AccessRules.READ_SHARED), List.of());

    /** The events store: key → event. */
    final Map<String, CalendarEvent> events = new HashMap<>();
    /** The attachments store, sorted by key as RocksDB is (the keys are ASCII). */
    final Attachments attachments = new Attachments();

    /** {@code attachments-store} in memory, recording what was read. */
    static final class Attachments implements StoredAttachments {

        final NavigableMap<String, AttachmentRecord> byKey = new TreeMap<>();
        final List<String> reads = new ArrayList<>();

        @Override
        public AttachmentRecord get(String key) {
            reads.add("get " + key);
            return byKey.get(key);
        }

        @Override
        public List<AttachmentRecord> withPrefix(String prefix) {
            reads.add("scan " + prefix);
            return byKey.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue)
                    .toList();
        }
    }

    static Route route(String ownerKind, String ownerId, String container, String calendarGroupId,
            String calendarId) {
        return new Route("v1.0", ownerKind, ownerId, container, calendarGroupId, calendarId);
    }

    static AttachmentQuery all(Route route, Principal principal) {
        return new AttachmentQuery(TENANT, EVENT, null, route, principal);
    }

    static AttachmentQuery one(String attachmentId, Route route, Principal principal) {
        return new AttachmentQuery(TENANT, EVENT, attachmentId, route, principal);
    }

    CalendarEvent stored(CalendarEvent event) {
        events.put(AttachmentKeys.eventKey(event.tenantId(), event.eventId()), event);
        return event;
    }

    /** An accepted attachment {@code attachmentId} of {@code tenant}'s {@code event}, stored under its key. */
    AttachmentRecord attached(String tenant, String event, String attachmentId) {
        AttachmentRecord record = ((Decision.Accepted) AttachmentRules.decide(Commands.file(attachmentId + ".txt",
                MENU).tenant(tenant).event(event).id(attachmentId).build(), APPENDED)).record();
        attachments.byKey.put(AttachmentKeys.attachmentKey(tenant, event, attachmentId), record);
        return record;
    }

    AttachmentRecord attached(String attachmentId) {
        return attached(TENANT, EVENT, attachmentId);
    }

    LookupAnswer answer(AttachmentQuery query, Registry registry) {
        return AttachmentQueryRules.answer(query, events::get, attachments, registry);
    }

    LookupAnswer answer(AttachmentQuery query) {
        return answer(query, new MapRegistry());
    }

    static List<AttachmentRecord> value(LookupAnswer answer) {
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
        return ((AttachmentList) answer.body()).value();
    }

    void assertRefusedWithoutReadingAttachments(LookupAnswer answer, ReplyError error) {
        assertThat(answer).isEqualTo(LookupAnswer.refused(error));
        assertThat(attachments.reads).as("the attachments are not read for a refused query").isEmpty();
    }

    @Nested
    class All {

        @Test
        void everyAttachmentOfTheEventInKeyOrderFromOneScan() {
            stored(Commands.myEvent());
            AttachmentRecord c = attached(Commands.attachmentId(3));
            AttachmentRecord a = attached(Commands.attachmentId(1));
            AttachmentRecord b = attached(Commands.attachmentId(2));

            assertThat(value(answer(all(MY_EVENTS, ME)))).containsExactly(a, b, c);
            assertThat(attachments.reads).containsExactly("scan " + AttachmentKeys.eventPrefix(TENANT, EVENT));
        }

        @Test
        void onlyThisEventsOfThisTenant() {
            stored(Commands.myEvent());
            AttachmentRecord mine = attached(Commands.attachmentId(1));
            // an event whose id extends this one's, and the same event id in another tenant
            attached(TENANT, EVENT + "2", Commands.attachmentId(2));
            attached(OTHER_TENANT, EVENT, Commands.attachmentId(3));

            assertThat(value(answer(all(MY_EVENTS, ME)))).containsExactly(mine);
        }

        @Test
        void anEventWithoutAttachmentsIsAnEmptyList() {
            stored(Commands.myEvent());

            assertThat(answer(all(MY_EVENTS, ME))).isEqualTo(LookupAnswer.found(new AttachmentList(List.of())));
        }

        @Test
        void aReadShareWithTheReadSharedPermissionIsEnough() {
            stored(Commands.event(TENANT, EVENT, ADELES, null, null));
            AttachmentRecord adeles = attached(Commands.attachmentId(1));
            MapRegistry readShare = new MapRegistry().share(new CalendarShare(CalendarShare.SCHEMA_VERSION, TENANT,
                    OTHER_USER, null, USER, CalendarShare.READ));

            assertThat(value(answer(all(ADELES_EVENTS, SHARED_READER), readShare))).containsExactly(adeles);
        }
    }

    @Nested
    class One {

        @Test
        void theAttachmentAlone() {
            stored(Commands.myEvent());
            attached(Commands.attachmentId(1));
            AttachmentRecord two = attached(Commands.attachmentId(2));

            assertThat(value(answer(one(Commands.attachmentId(2), MY_EVENTS, ME)))).containsExactly(two);
            assertThat(attachments.reads).containsExactly(
                    "get " + AttachmentKeys.attachmentKey(TENANT, EVENT, Commands.attachmentId(2)));
        }

        @Test
        void aMissingAttachmentIsNotFound() {
            stored(Commands.myEvent());
            attached(Commands.attachmentId(1));

            assertThat(answer(one(Commands.attachmentId(9), MY_EVENTS, ME)))
                    .isEqualTo(LookupAnswer.refused(GraphErrors.ITEM_NOT_FOUND));
            assertThat(GraphErrors.ITEM_NOT_FOUND).isEqualTo(new ReplyError(404, "ErrorItemNotFound",
                    "The specified object was not found in the store."));
        }

        @Test
        void anotherEventsAttachmentIsNotFoundThroughThisEvent() {
            stored(Commands.myEvent());
            stored(Commands.event(TENANT, EVENT + "2", Commands.myEvent().owner(), null, null));
            attached(TENANT, EVENT + "2", Commands.attachmentId(2));

            assertThat(answer(one(Commands.attachmentId(2), MY_EVENTS, ME)))
                    .isEqualTo(LookupAnswer.refused(GraphErrors.ITEM_NOT_FOUND));
        }

        @Test
        void idsAreKeyComponentsNotPatterns() {
            stored(Commands.myEvent());
            AttachmentRecord odd = attached("a/b=c+d%2F");

            assertThat(value(answer(one("a/b=c+d%2F", MY_EVENTS, ME)))).containsExactly(odd);
            assertThat(answer(one("a", MY_EVENTS, ME))).isEqualTo(LookupAnswer.refused(GraphErrors.ITEM_NOT_FOUND));
        }
    }

    @Nested
    class Refused {

        @Test
        void noEventNoAttachmentsEvenWhenRecordsRemain() {
            attached(Commands.attachmentId(1));

            assertRefusedWithoutReadingAttachments(answer(all(MY_EVENTS, ME)), GraphErrors.ITEM_NOT_FOUND);
            assertRefusedWithoutReadingAttachments(answer(one(Commands.attachmentId(1), MY_EVENTS, ME)),
                    GraphErrors.ITEM_NOT_FOUND);
        }

        @Test
        void anEventElsewhereThanThePathSaysIsNotFound() {
            stored(Commands.event(TENANT, EVENT, Commands.myEvent().owner(), null, "C1"));
            attached(Commands.attachmentId(1));

            assertRefusedWithoutReadingAttachments(answer(all(route("me", USER, "calendar", null, null), ME)),
                    GraphErrors.ITEM_NOT_FOUND);
            assertRefusedWithoutReadingAttachments(answer(one(Commands.attachmentId(1),
                    route("me", USER, "calendars", null, "C2"), ME)), GraphErrors.ITEM_NOT_FOUND);
            assertRefusedWithoutReadingAttachments(answer(all(ADELES_EVENTS, APP)), GraphErrors.ITEM_NOT_FOUND);
            assertThat(value(answer(all(route("me", USER, "calendars", null, "C1"), ME)))).hasSize(1);
        }

        @Test
        void anotherTenantsEventIsNotFound() {
            stored(Commands.event(OTHER_TENANT, EVENT, Commands.myEvent().owner(), null, null));
            attached(OTHER_TENANT, EVENT, Commands.attachmentId(1));

            assertRefusedWithoutReadingAttachments(answer(all(MY_EVENTS, ME)), GraphErrors.ITEM_NOT_FOUND);
            assertThat(AttachmentQueryRules.key(all(MY_EVENTS, ME))).isEqualTo(AttachmentKeys.eventKey(TENANT, EVENT));
        }

        @Test
        void anotherUsersEventWithoutAShareIsDeniedWhetherTheAttachmentExistsOrNot() {
            stored(Commands.event(TENANT, EVENT, ADELES, null, null));
            attached(Commands.attachmentId(1));

            assertRefusedWithoutReadingAttachments(answer(all(ADELES_EVENTS, SHARED_READER)), GraphErrors.DENIED);
            assertRefusedWithoutReadingAttachments(answer(one(Commands.attachmentId(1), ADELES_EVENTS,
                    SHARED_READER)), GraphErrors.DENIED);
            assertRefusedWithoutReadingAttachments(answer(one(Commands.attachmentId(9), ADELES_EVENTS,
                    SHARED_READER)), GraphErrors.DENIED);
            assertThat(GraphErrors.DENIED).isEqualTo(new ReplyError(403, "ErrorAccessDenied",
                    "Access is denied. Check credentials and try again."));
        }

        @Test
        void meWithAnAppTokenIsABadRequest() {
            stored(Commands.myEvent());

            assertRefusedWithoutReadingAttachments(answer(all(MY_EVENTS, APP)), GraphErrors.ME_NEEDS_DELEGATED);
        }
    }

    @Nested
    class Malformed {

        @Test
        void aQueryMissingWhatTheRulesNeedIsABadRequest() {
            stored(Commands.myEvent());

            assertMalformed(new AttachmentQuery(null, EVENT, null, MY_EVENTS, ME), "tenantId and eventId are required");
            assertMalformed(new AttachmentQuery(TENANT, EVENT, null, null, ME), "route with apiVersion v1.0 or beta");
            assertMalformed(new AttachmentQuery(TENANT, EVENT, null, route("me", USER, "calendarGroups", null, "C1"),
                    ME), "needs its calendar (group) ids");
            assertMalformed(new AttachmentQuery(TENANT, EVENT, null, MY_EVENTS, null), "principal with kind");
            assertMalformed(new AttachmentQuery(TENANT, EVENT, " ", MY_EVENTS, ME),
                    "attachmentId, when present, must not be blank");
            assertMalformed(new AttachmentQuery(TENANT, EVENT, "", MY_EVENTS, ME),
                    "attachmentId, when present, must not be blank");
        }

        @Test
        void noQueryAtAllIsABadRequest() {
            assertThat(AttachmentQueryRules.defect(null)).contains("a JSON object is required");
        }

        @Test
        void completeQueriesHaveNoDefect() {
            assertThat(AttachmentQueryRules.defect(all(MY_EVENTS, ME))).isEmpty();
            assertThat(AttachmentQueryRules.defect(one(Commands.attachmentId(1), MY_EVENTS, ME))).isEmpty();
        }

        private void assertMalformed(AttachmentQuery query, String defect) {
            LookupAnswer answer = answer(query);

            assertThat(answer.status()).isEqualTo(400);
            ReplyError error = (ReplyError) answer.body();
            assertThat(error.code()).isEqualTo("BadRequest");
            assertThat(error.message()).startsWith("The attachment query is malformed: ").contains(defect);
            assertThat(attachments.reads).isEmpty();
        }
    }
}
