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
import static dev.attache.processor.rules.AccessRules.Mode.READ;
import static dev.attache.processor.rules.AccessRules.Mode.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.attache.processor.Commands;
import dev.attache.processor.rules.AccessRules.Mode;
import dev.attache.processor.rules.AccessRules.Verdict;
import dev.attache.schemas.attachment.Principal;
import dev.attache.schemas.attachment.Route;
import dev.attache.schemas.event.CalendarEvent;
import dev.attache.schemas.event.CalendarShare;
import dev.attache.schemas.event.EventOwner;

class AccessRulesTest {

    static final EventOwner MINE = new EventOwner(EventOwner.USER, USER, UPN);
    static final EventOwner ADELES = new EventOwner(EventOwner.USER, OTHER_USER, OTHER_UPN);
    static final EventOwner THE_GROUPS = new EventOwner(EventOwner.GROUP, GROUP, null);
    static final Principal SHARED_WRITER = new Principal(Principal.DELEGATED, USER, UPN,
            List.of("Calendars.ReadWrite", "Calendars.ReadWrite.Shared"), List.of());
    static final Principal SHARED_READER = new Principal(Principal.DELEGATED, USER, UPN,
            List.of("Calendars.Read", "Calendars.Read.Shared"), List.of());

    static Route route(String ownerKind, String ownerId, String container, String calendarGroupId,
            String calendarId) {
        return new Route("v1.0", ownerKind, ownerId, container, calendarGroupId, calendarId);
    }

    static Route me(String container, String calendarGroupId, String calendarId) {
        return route("me", USER, container, calendarGroupId, calendarId);
    }

    static CalendarEvent event(EventOwner owner, String calendarGroupId, String calendarId) {
        return Commands.event(TENANT, EVENT, owner, calendarGroupId, calendarId);
    }

    static Verdict check(Principal principal, Route route, CalendarEvent event, Registry registry, Mode mode) {
        return AccessRules.check(TENANT, principal, route, event, registry, mode);
    }

    static Verdict check(Principal principal, Route route, CalendarEvent event) {
        return check(principal, route, event, new MapRegistry(), WRITE);
    }

    @Nested
    class WhereTheEventIs {

        @Test
        void aMissingEventIsNotFound() {
            assertThat(check(ME, me("events", null, null), null)).isEqualTo(Verdict.NOT_FOUND);
        }

        @Test
        void anEventOfAnotherTenantIsNotFoundEvenUnderTheSameId() {
            CalendarEvent elsewhere = Commands.event(OTHER_TENANT, EVENT, MINE, null, null);

            assertThat(check(ME, me("events", null, null), elsewhere)).isEqualTo(Verdict.NOT_FOUND);
        }

        @Test
        void meIsTheSignedInUserByObjectIdOnly() {
            assertThat(check(ME, me("events", null, null), event(MINE, null, null))).isEqualTo(Verdict.ALLOWED);
            EventOwner byUpnOnly = new EventOwner(EventOwner.USER, "DEV@Attache.Local", "DEV@Attache.Local");
            assertThat(check(ME, me("events", null, null), event(byUpnOnly, null, null)))
                    .as("an owner recorded under the caller's name is not the caller").isEqualTo(Verdict.NOT_FOUND);
        }

        @Test
        void anEventRegisteredUnderANameBelongsToWhomTheDirectoryGivesIt() {
            EventOwner byName = new EventOwner(EventOwner.USER, "DEV@Attache.Local", "DEV@Attache.Local");
            MapRegistry directory = new MapRegistry().name(TENANT, UPN, USER);

            assertThat(check(ME, me("events", null, null), event(byName, null, null), directory, WRITE))
                    .isEqualTo(Verdict.ALLOWED);
            Principal impostor = new Principal(Principal.DELEGATED, OTHER_USER, UPN, List.of("Calendars.ReadWrite"),
                    List.of());
            assertThat(check(impostor, me("events", null, null), event(byName, null, null), new MapRegistry(), WRITE))
                    .as("the token's own name is no proof: without the directory nobody owns it")
                    .isEqualTo(Verdict.NOT_FOUND);
        }

        @Test
        void aTokenCarryingTheOwnersUpnUnderAnotherObjectIdIsNotTheOwner() {
            // a reassigned or forged name: the token says UPN, its oid is someone else's
            Principal impostor = new Principal(Principal.DELEGATED, OTHER_USER, UPN, List.of("Calendars.ReadWrite"),
                    List.of());
            CalendarEvent mine = event(MINE, null, null);

            assertThat(check(impostor, me("events", null, null), mine)).isEqualTo(Verdict.NOT_FOUND);
            assertThat(check(impostor, route("user", UPN, "events", null, null), mine))
                    .as("the name resolves to the impostor's own id, not to the owner").isEqualTo(Verdict.NOT_FOUND);
            assertThat(check(impostor, route("user", UPN, "events", null, null), mine,
                    new MapRegistry().name(TENANT, UPN, USER), WRITE))
                    .as("resolved through the directory to the owner, the impostor is merely another user")
                    .isEqualTo(Verdict.DENIED);
            assertThat(check(impostor, route("user", USER, "events", null, null), mine, new MapRegistry(), READ))
                    .isEqualTo(Verdict.DENIED);
        }

        @Test
        void meDoesNotReachAnotherUsersOrAGroupsEvent() {
            assertThat(check(ME, me("events", null, null), event(ADELES, null, null))).isEqualTo(Verdict.NOT_FOUND);
            assertThat(check(ME, me("events", null, null), event(THE_GROUPS, null, null)))
                    .isEqualTo(Verdict.NOT_FOUND);
        }

        @Test
        void aUserRouteNamesTheOwnerByIdOrByADirectoryNameIgnoringCase() {
            CalendarEvent adeles = event(ADELES, null, null);
            Principal app = APP;
            MapRegistry directory = new MapRegistry().name(TENANT, OTHER_UPN, OTHER_USER);

            assertThat(check(app, route("user", OTHER_USER, "events", null, null), adeles))
                    .isEqualTo(Verdict.ALLOWED);
            assertThat(check(app, route("user", "Adele@Attache.LOCAL", "events", null, null), adeles, directory,
                    WRITE)).isEqualTo(Verdict.ALLOWED);
            assertThat(check(app, route("user", "Adele@Attache.LOCAL", "events", null, null), adeles))
                    .as("a name the directory does not know names nobody, whatever the event recorded")
                    .isEqualTo(Verdict.NOT_FOUND);
            assertThat(check(app, route("user", OTHER_UPN, "events", null, null), adeles,
                    new MapRegistry().name(OTHER_TENANT, OTHER_UPN, OTHER_USER), WRITE))
                    .as("another tenant's directory does not resolve it").isEqualTo(Verdict.NOT_FOUND);
            assertThat(check(app, route("user", USER, "events", null, null), adeles)).isEqualTo(Verdict.NOT_FOUND);
            assertThat(check(app, route("user", GROUP, "events", null, null), event(THE_GROUPS, null, null)))
                    .as("a user route never reaches a group's event").isEqualTo(Verdict.NOT_FOUND);
        }

        @Test
        void theCallersOwnNameResolvesToTheCallerWhenTheDirectoryIsSilent() {
            assertThat(AccessRules.resolveUser(TENANT, ME, "DEV@attache.local", new MapRegistry())).isEqualTo(USER);
            assertThat(AccessRules.resolveUser(TENANT, ME, "DEV@attache.local",
                    new MapRegistry().name(TENANT, UPN, OTHER_USER)))
                    .as("the directory, the system of record, decides first").isEqualTo(OTHER_USER);
            assertThat(AccessRules.resolveUser(TENANT, ME, OTHER_UPN, new MapRegistry())).isNull();
            assertThat(AccessRules.resolveUser(TENANT, ME, "no-at-sign", new MapRegistry()))
                    .as("an object id is taken as it is").isEqualTo("no-at-sign");
        }

        @Test
        void aGroupRouteNamesTheGroup() {
            Principal member = new Principal(Principal.DELEGATED, USER, UPN, List.of(), List.of(GROUP));

            assertThat(check(member, route("group", GROUP, "events", null, null), event(THE_GROUPS, null, null)))
                    .isEqualTo(Verdict.ALLOWED);
            assertThat(check(member, route("group", GROUP + "0", "events", null, null),
                    event(THE_GROUPS, null, null))).isEqualTo(Verdict.NOT_FOUND);
            assertThat(check(member, route("group", USER, "events", null, null), event(MINE, null, null)))
                    .as("a group route never reaches a user's event").isEqualTo(Verdict.NOT_FOUND);
        }

        @Test
        void eventsReachesAnyCalendarOfTheOwner() {
            assertThat(check(ME, me("events", null, null), event(MINE, "G1", "C1"))).isEqualTo(Verdict.ALLOWED);
        }

        @Test
        void calendarIsTheDefaultCalendarOnly() {
            assertThat(check(ME, me("calendar", null, null), event(MINE, null, null))).isEqualTo(Verdict.ALLOWED);
            assertThat(check(ME, me("calendar", null, null), event(MINE, null, "C1"))).isEqualTo(Verdict.NOT_FOUND);
        }

        @Test
        void calendarsNamesTheCalendar() {
            assertThat(check(ME, me("calendars", null, "C1"), event(MINE, "G1", "C1"))).isEqualTo(Verdict.ALLOWED);
            assertThat(check(ME, me("calendars", null, "C2"), event(MINE, null, "C1")))
                    .isEqualTo(Verdict.NOT_FOUND);
            assertThat(check(ME, me("calendars", null, "C1"), event(MINE, null, null)))
                    .as("a named calendar is not the default one").isEqualTo(Verdict.NOT_FOUND);
        }

        @Test
        void calendargroupIsACalendarOfTheDefaultGroup() {
            assertThat(check(ME, me("calendargroup", null, "C1"), event(MINE, null, "C1")))
                    .isEqualTo(Verdict.ALLOWED);
            assertThat(check(ME, me("calendargroup", null, "C1"), event(MINE, "G1", "C1")))
                    .isEqualTo(Verdict.NOT_FOUND);
        }

        @Test
        void calendarGroupsNamesBothGroupAndCalendar() {
            assertThat(check(ME, me("calendarGroups", "G1", "C1"), event(MINE, "G1", "C1")))
                    .isEqualTo(Verdict.ALLOWED);
            assertThat(check(ME, me("calendarGroups", "G2", "C1"), event(MINE, "G1", "C1")))
                    .isEqualTo(Verdict.NOT_FOUND);
            assertThat(check(ME, me("calendarGroups", "G1", "C2"), event(MINE, "G1", "C1")))
                    .isEqualTo(Verdict.NOT_FOUND);
        }

        @Test
        void aMismatchIsNotFoundEvenForOneWhoCouldNotActThere() {
            // not 403: that would reveal the id exists in Adele's calendar
            assertThat(check(ME, route("user", OTHER_USER, "calendar", null, null), event(ADELES, null, "C1")))
                    .isEqualTo(Verdict.NOT_FOUND);
        }
    }

    @Nested
    class WhoMayAct {

        @Test
        void anAppActsOnAnyUsersEventsButNoGroups() {
            assertThat(check(APP, route("user", OTHER_USER, "events", null, null), event(ADELES, null, "C1")))
                    .isEqualTo(Verdict.ALLOWED);
            assertThat(check(APP, route("group", GROUP, "events", null, null), event(THE_GROUPS, null, null)))
                    .isEqualTo(Verdict.DENIED);
        }

        @Test
        void meWithAnAppTokenIsABadRequest() {
            assertThat(check(APP, me("events", null, null), null)).isEqualTo(Verdict.ME_NEEDS_DELEGATED);
            assertThat(Verdict.ME_NEEDS_DELEGATED.error().status()).isEqualTo(400);
            assertThat(Verdict.ME_NEEDS_DELEGATED.error().code()).isEqualTo("BadRequest");
        }

        @Test
        void theOwnerActsOnTheirOwnEventsAlsoThroughTheirUserRoute() {
            assertThat(check(ME, route("user", USER, "events", null, null), event(MINE, null, null)))
                    .isEqualTo(Verdict.ALLOWED);
            assertThat(check(ME, route("user", "DEV@attache.local", "events", null, null), event(MINE, null, null)))
                    .isEqualTo(Verdict.ALLOWED);
        }

        @Test
        void anotherUsersCalendarNeedsTheSharedPermissionAndAShare() {
            Route adeles = route("user", OTHER_USER, "events", null, null);
            CalendarEvent event = event(ADELES, null, null);
            MapRegistry shared = new MapRegistry().share(share(null, CalendarShare.WRITE));

            assertThat(check(SHARED_WRITER, adeles, event, shared, WRITE)).isEqualTo(Verdict.ALLOWED);
            assertThat(check(SHARED_WRITER, adeles, event, new MapRegistry(), WRITE))
                    .as("no share").isEqualTo(Verdict.DENIED);
            assertThat(check(ME, adeles, event, shared, WRITE))
                    .as("no Calendars.ReadWrite.Shared").isEqualTo(Verdict.DENIED);
        }

        @Test
        void aShareCoversOneCalendarTheDefaultOneWhenItNamesNone() {
            Route adeles = route("user", OTHER_USER, "events", null, null);
            MapRegistry defaultShared = new MapRegistry().share(share(null, CalendarShare.WRITE));
            MapRegistry c1Shared = new MapRegistry().share(share("C1", CalendarShare.WRITE));

            assertThat(check(SHARED_WRITER, adeles, event(ADELES, null, "C1"), defaultShared, WRITE))
                    .isEqualTo(Verdict.DENIED);
            assertThat(check(SHARED_WRITER, adeles, event(ADELES, null, "C1"), c1Shared, WRITE))
                    .isEqualTo(Verdict.ALLOWED);
            assertThat(check(SHARED_WRITER, adeles, event(ADELES, null, null), c1Shared, WRITE))
                    .isEqualTo(Verdict.DENIED);
        }

        @Test
        void aShareToSomeoneElseOrInAnotherTenantDoesNotCount() {
            Route adeles = route("user", OTHER_USER, "events", null, null);
            MapRegistry registry = new MapRegistry()
                    .share(new CalendarShare(1, TENANT, OTHER_USER, null, "someone-else", CalendarShare.WRITE))
                    .share(new CalendarShare(1, OTHER_TENANT, OTHER_USER, null, USER, CalendarShare.WRITE));

            assertThat(check(SHARED_WRITER, adeles, event(ADELES, null, null), registry, WRITE))
                    .isEqualTo(Verdict.DENIED);
        }

        @Test
        void writingNeedsAWriteShareReadingEither() {
            Route adeles = route("user", OTHER_USER, "events", null, null);
            CalendarEvent event = event(ADELES, null, null);
            MapRegistry readShare = new MapRegistry().share(share(null, CalendarShare.READ));
            MapRegistry writeShare = new MapRegistry().share(share(null, CalendarShare.WRITE));

            assertThat(check(SHARED_WRITER, adeles, event, readShare, WRITE)).isEqualTo(Verdict.DENIED);
            assertThat(check(SHARED_WRITER, adeles, event, readShare, READ)).isEqualTo(Verdict.ALLOWED);
            assertThat(check(SHARED_WRITER, adeles, event, writeShare, READ)).isEqualTo(Verdict.ALLOWED);
        }

        @Test
        void readingNeedsEitherSharedPermissionWritingTheReadWriteOne() {
            Route adeles = route("user", OTHER_USER, "events", null, null);
            CalendarEvent event = event(ADELES, null, null);
            MapRegistry writeShare = new MapRegistry().share(share(null, CalendarShare.WRITE));

            assertThat(check(SHARED_READER, adeles, event, writeShare, READ)).isEqualTo(Verdict.ALLOWED);
            assertThat(check(SHARED_READER, adeles, event, writeShare, WRITE)).isEqualTo(Verdict.DENIED);
        }

        @Test
        void aGroupsEventIsForItsMembersByClaimOrByRegistry() {
            Route groups = route("group", GROUP, "events", null, null);
            CalendarEvent event = event(THE_GROUPS, null, null);
            Principal byClaim = new Principal(Principal.DELEGATED, USER, UPN, List.of("Group.ReadWrite.All"),
                    List.of("other-group", GROUP));
            Principal noClaim = new Principal(Principal.DELEGATED, USER, UPN, List.of("Group.ReadWrite.All"), null);

            assertThat(check(byClaim, groups, event, new MapRegistry(), WRITE)).isEqualTo(Verdict.ALLOWED);
            assertThat(check(noClaim, groups, event, new MapRegistry().member(TENANT, GROUP, USER), WRITE))
                    .isEqualTo(Verdict.ALLOWED);
            assertThat(check(noClaim, groups, event, new MapRegistry().member(TENANT, GROUP, OTHER_USER), WRITE))
                    .as("someone else's membership").isEqualTo(Verdict.DENIED);
            assertThat(check(noClaim, groups, event, new MapRegistry().member(OTHER_TENANT, GROUP, USER), WRITE))
                    .as("a membership in another tenant").isEqualTo(Verdict.DENIED);
        }

        @Test
        void anUnknownPrincipalKindMayDoNothing() {
            Principal unknown = new Principal("service", USER, UPN, List.of(), List.of());

            assertThat(AccessRules.mayAct(TENANT, unknown, MINE, null, new MapRegistry(), WRITE)).isFalse();
        }

        private CalendarShare share(String calendarId, String role) {
            return new CalendarShare(CalendarShare.SCHEMA_VERSION, TENANT, OTHER_USER, calendarId, USER, role);
        }
    }
}
