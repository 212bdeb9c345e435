package dev.attache.processor.rules;

import static dev.attache.processor.Commands.APP;
import static dev.attache.processor.Commands.EVENT;
import static dev.attache.processor.Commands.GROUP;
import static dev.attache.processor.Commands.ME;
import static dev.attache.processor.Commands.OTHER_TENANT;
import static dev.attache.processor.Commands.OTHER_UPN;
import static dev.attache.processor.Commands.OTHER_USER;
import static dev.attache.processor.Commands.TENANT;
import static dev.attache.processor.Commands.UPN;
import static dev.attache.processor.Commands.USER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.attache.processor.Commands;
import dev.attache.schemas.attachment.Principal;
import dev.attache.schemas.attachment.ReplyError;
import dev.attache.schemas.attachment.Route;
import dev.attache.schemas.event.CalendarEvent;
import dev.attache.schemas.event.CalendarShare;
import dev.attache.schemas.event.EventLookup;
import dev.attache.schemas.event.EventOwner;
import dev.attache.schemas.kafka.AttachmentKeys;

/** The answer to an event lookup, from an in-memory events store and registry. */
class LookupRulesTest {

    static final EventOwner MINE = new EventOwner(EventOwner.USER, USER, UPN);
    static final EventOwner ADELES = new EventOwner(EventOwner.USER, OTHER_USER, OTHER_UPN);
    static final EventOwner THE_GROUPS = new EventOwner(EventOwner.GROUP, GROUP, null);
    static final Route MY_EVENTS = route("me", USER, "events", null, null);
    static final Route ADELES_EVENTS = route("user", OTHER_USER, "events", null, null);
    static final Route GROUP_EVENTS = route("group", GROUP, "events", null, null);

    /** The events store: key → event, as the registry processor writes it. */
    final Map<String, CalendarEvent> store = new HashMap<>();

    static Route route(String ownerKind, String ownerId, String container, String calendarGroupId,
            String calendarId) {
        return new Route("v1.0", ownerKind, ownerId, container, calendarGroupId, calendarId);
    }

    static EventLookup lookup(Route route, Principal principal) {
        return new EventLookup(TENANT, EVENT, route, principal);
    }

    /** Stores {@code event} under its own tenant-scoped key. */
    CalendarEvent stored(CalendarEvent event) {
        store.put(AttachmentKeys.eventKey(event.tenantId(), event.eventId()), event);
        return event;
    }

    LookupAnswer answer(EventLookup lookup, Registry registry) {
        return LookupRules.answer(lookup, store::get, registry);
    }

    LookupAnswer answer(EventLookup lookup) {
        return answer(lookup, new MapRegistry());
    }

    static void assertRefused(LookupAnswer answer, ReplyError error) {
        assertThat(answer.status()).isEqualTo(error.status());
        assertThat(answer.body()).isEqualTo(error);
    }

    @Nested
    class Found {

        @Test
        void theOwnersEventIsAnsweredWithTheStoredEvent() {
            CalendarEvent mine = stored(Commands.myEvent());

            LookupAnswer answer = answer(lookup(MY_EVENTS, ME));

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isSameAs(mine);
        }

        @Test
        void anAppReadsAnyUsersEvent() {
            CalendarEvent adeles = stored(Commands.event(TENANT, EVENT, ADELES, null, "C1"));

            assertThat(answer(lookup(ADELES_EVENTS, APP))).isEqualTo(LookupAnswer.found(adeles));
        }

        @Test
        void readingIsEnoughWithAReadShareAndTheReadSharedPermission() {
            CalendarEvent adeles = stored(Commands.event(TENANT, EVENT, ADELES, null, null));
            Principal reader = new Principal(Principal.DELEGATED, USER, UPN,
                    List.of("Calendars.Read", AccessRules.READ_SHARED), List.of());
            MapRegistry readShare = new MapRegistry().share(
                    new CalendarShare(CalendarShare.SCHEMA_VERSION, TENANT, OTHER_USER, null, USER,
                            CalendarShare.READ));

            // a command (write) would be denied with the same share and permission
            assertThat(answer(lookup(ADELES_EVENTS, reader), readShare)).isEqualTo(LookupAnswer.found(adeles));
        }

        @Test
        void aGroupsEventIsReadByAMemberOfTheRegistry() {
            CalendarEvent groups = stored(Commands.event(TENANT, EVENT, THE_GROUPS, null, null));
            Principal noClaim = new Principal(Principal.DELEGATED, USER, UPN, List.of("Group.Read.All"), null);

            assertThat(answer(lookup(GROUP_EVENTS, noClaim), new MapRegistry().member(TENANT, GROUP, USER)))
                    .isEqualTo(LookupAnswer.found(groups));
        }
    }

    @Nested
    class NotFound {

        @Test
        void anEventNotInTheStoreIsNotFound() {
            assertRefused(answer(lookup(MY_EVENTS, ME)), GraphErrors.ITEM_NOT_FOUND);
            assertThat(GraphErrors.ITEM_NOT_FOUND).isEqualTo(new ReplyError(404, "ErrorItemNotFound",
                    "The specified object was not found in the store."));
        }

        @Test
        void anEventElsewhereThanTheRouteSaysIsNotFound() {
            stored(Commands.event(TENANT, EVENT, MINE, null, "C1"));

            assertRefused(answer(lookup(route("me", USER, "calendar", null, null), ME)),
                    GraphErrors.ITEM_NOT_FOUND);
            assertRefused(answer(lookup(route("me", USER, "calendars", null, "C2"), ME)),
                    GraphErrors.ITEM_NOT_FOUND);
            assertRefused(answer(lookup(ADELES_EVENTS, APP)), GraphErrors.ITEM_NOT_FOUND);
        }

        @Test
        void aMismatchIsNotFoundNotDeniedEvenForWhoCouldNotReadThere() {
            stored(Commands.event(TENANT, EVENT, ADELES, null, "C1"));

            assertRefused(answer(lookup(route("user", OTHER_USER, "calendar", null, null), ME)),
                    GraphErrors.ITEM_NOT_FOUND);
        }

        @Test
        void anotherTenantsEventWithTheSameIdIsNotFound() {
            // tenant B's event, stored under tenant B's key: a lookup of tenant A reads tenant A's key only
            stored(Commands.event(OTHER_TENANT, EVENT, MINE, null, null));

            assertRefused(answer(lookup(MY_EVENTS, ME)), GraphErrors.ITEM_NOT_FOUND);
            assertThat(LookupRules.key(lookup(MY_EVENTS, ME)))
                    .isEqualTo(AttachmentKeys.eventKey(TENANT, EVENT))
                    .isNotEqualTo(AttachmentKeys.eventKey(OTHER_TENANT, EVENT));
        }

        @Test
        void anEventOfAnotherTenantUnderThisTenantsKeyIsNotFound() {
            // the backstop: whatever sits under the key, its own tenantId must be the lookup's
            store.put(AttachmentKeys.eventKey(TENANT, EVENT), Commands.event(OTHER_TENANT, EVENT, MINE, null, null));

            assertRefused(answer(lookup(MY_EVENTS, ME)), GraphErrors.ITEM_NOT_FOUND);
        }
    }

    @Nested
    class Refused {

        @Test
        void anotherUsersEventWithoutAShareIsDenied() {
            stored(Commands.event(TENANT, EVENT, ADELES, null, null));
            Principal sharedReader = new Principal(Principal.DELEGATED, USER, UPN,
                    List.of("Calendars.Read", AccessRules.READ_SHARED), List.of());

            assertRefused(answer(lookup(ADELES_EVENTS, sharedReader)), GraphErrors.DENIED);
            assertThat(GraphErrors.DENIED).isEqualTo(new ReplyError(403, "ErrorAccessDenied",
                    "Access is denied. Check credentials and try again."));
        }

        @Test
        void aShareWithoutTheSharedPermissionIsDenied() {
            stored(Commands.event(TENANT, EVENT, ADELES, null, null));
            MapRegistry share = new MapRegistry().share(new CalendarShare(CalendarShare.SCHEMA_VERSION, TENANT,
                    OTHER_USER, null, USER, CalendarShare.WRITE));

            assertRefused(answer(lookup(ADELES_EVENTS, ME), share), GraphErrors.DENIED);
        }

        @Test
        void aGroupsEventIsDeniedToANonMember() {
            stored(Commands.event(TENANT, EVENT, THE_GROUPS, null, null));
            Principal outsider = new Principal(Principal.DELEGATED, USER, UPN, List.of("Group.Read.All"),
                    List.of("another-group"));

            assertRefused(answer(lookup(GROUP_EVENTS, outsider), new MapRegistry().member(TENANT, GROUP, OTHER_USER)),
                    GraphErrors.DENIED);
        }

        @Test
        void aGroupsEventIsDeniedToAnApp() {
            stored(Commands.event(TENANT, EVENT, THE_GROUPS, null, null));

            assertRefused(answer(lookup(GROUP_EVENTS, APP)), GraphErrors.DENIED);
        }

        @Test
        void meWithAnAppTokenIsABadRequest() {
            stored(Commands.myEvent());

            assertRefused(answer(lookup(MY_EVENTS, APP)), GraphErrors.ME_NEEDS_DELEGATED);
        }
    }

    @Nested
    class Malformed {

        @Test
        void aLookupMissingWhatTheRulesNeedIsABadRequest() {
            stored(Commands.myEvent());

            assertMalformed(new EventLookup(null, EVENT, MY_EVENTS, ME), "tenantId and eventId are required");
            assertMalformed(new EventLookup(TENANT, " ", MY_EVENTS, ME), "tenantId and eventId are required");
            assertMalformed(new EventLookup(TENANT, EVENT, null, ME), "route with apiVersion v1.0 or beta");
            assertMalformed(new EventLookup(TENANT, EVENT, route("site", USER, "events", null, null), ME),
                    "route with ownerKind me, user or group");
            assertMalformed(new EventLookup(TENANT, EVENT, route("me", USER, "calendars", null, null), ME),
                    "needs its calendar (group) ids");
            assertMalformed(new EventLookup(TENANT, EVENT, MY_EVENTS, null), "principal with kind");
            assertMalformed(new EventLookup(TENANT, EVENT, MY_EVENTS,
                    new Principal("service", USER, UPN, List.of(), List.of())), "principal with kind");
        }

        @Test
        void noLookupAtAllIsABadRequest() {
            assertThat(LookupRules.defect(null)).isPresent();
        }

        @Test
        void aCompleteLookupHasNoDefect() {
            assertThat(LookupRules.defect(lookup(MY_EVENTS, ME))).isEmpty();
        }

        private void assertMalformed(EventLookup lookup, String defect) {
            LookupAnswer answer = answer(lookup);

            assertThat(answer.status()).isEqualTo(400);
            ReplyError error = (ReplyError) answer.body();
            assertThat(error.code()).isEqualTo("BadRequest");
            assertThat(error.message()).startsWith("The event lookup is malformed: ").contains(defect);
        }
    }
}
