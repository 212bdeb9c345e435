package dev.attache.processor.rules;

import static dev.attache.processor.Commands.APP;
import static dev.attache.processor.Commands.GROUP;
import static dev.attache.processor.Commands.OTHER_UPN;
import static dev.attache.processor.Commands.OTHER_USER;
import static dev.attache.processor.Commands.TENANT;
import static dev.attache.processor.Commands.UPN;
import static dev.attache.processor.Commands.USER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.attache.processor.Commands;
import dev.attache.schemas.ContractSchemas;
import dev.attache.schemas.attachment.Principal;
import dev.attache.schemas.attachment.ReplyError;
import dev.attache.schemas.event.CalendarEvent;
import dev.attache.schemas.event.CalendarShare;
import dev.attache.schemas.event.DateTimeTimeZone;
import dev.attache.schemas.event.EventInput;
import dev.attache.schemas.event.EventOwner;
import dev.attache.schemas.event.ItemBody;
import dev.attache.schemas.kafka.ContractJson;

class EventRulesTest {

    static final Instant APPENDED = Instant.parse("2026-11-27T14:00:00.789Z");
    static final DateTimeTimeZone TEN = new DateTimeTimeZone("2026-12-01T10:00:00", "Pacific Standard Time");
    static final DateTimeTimeZone ELEVEN = new DateTimeTimeZone("2026-12-01T11:00:00.0000000",
            "Pacific Standard Time");

    static EventDecision decide(Commands command, Registry registry) {
        return EventRules.create(command.build(), APPENDED, registry);
    }

    static CalendarEvent created(Commands command) {
        EventDecision decision = decide(command, new MapRegistry());
        assertThat(decision).isInstanceOf(EventDecision.Created.class);
        CalendarEvent event = ((EventDecision.Created) decision).event();
        assertThat(ContractSchemas.violations(ContractSchemas.EVENT_V1, ContractJson.MAPPER.valueToTree(event)))
                .isEmpty();
        return event;
    }

    static ReplyError rejected(Commands command, Registry registry) {
        EventDecision decision = decide(command, registry);
        assertThat(decision).isInstanceOf(EventDecision.Rejected.class);
        return ((EventDecision.Rejected) decision).error();
    }

    static String invalidRequest(EventInput input) {
        ReplyError error = rejected(Commands.createEvent().eventInput(input), new MapRegistry());
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.code()).isEqualTo("ErrorInvalidRequest");
        return error.message();
    }

    static EventInput input(String subject, DateTimeTimeZone start, DateTimeTimeZone end) {
        return new EventInput(subject, null, start, end, null, null);
    }

    @Test
    void aNewEventIsTheInputOwnedByTheSignedInUserInTheDefaultCalendar() {
        CalendarEvent event = created(Commands.createEvent());

        assertThat(event.schemaVersion()).isEqualTo(1);
        assertThat(event.tenantId()).isEqualTo(TENANT);
        assertThat(event.eventId()).isEqualTo(Commands.EVENT);
        assertThat(event.owner()).isEqualTo(new EventOwner(EventOwner.USER, USER, UPN));
        assertThat(event.calendarGroupId()).isNull();
        assertThat(event.calendarId()).isNull();
        assertThat(event.subject()).isEqualTo("Plan summer company picnic");
        assertThat(event.location()).isEqualTo("Cafe");
        assertThat(event.createdDateTime()).isEqualTo("2026-11-27T14:00:00Z");
        assertThat(event.lastModifiedDateTime()).isEqualTo("2026-11-27T14:00:00Z");
    }

    @Test
    void sameCommandAndAppendTimeGiveEqualEvents() {
        assertThat(created(Commands.createEvent())).isEqualTo(created(Commands.createEvent()));
    }

    @Test
    void theRouteNamesTheOwner() {
        assertThat(created(Commands.createEvent().principal(APP).route("user", OTHER_USER, "events", null, null))
                .owner()).isEqualTo(new EventOwner(EventOwner.USER, OTHER_USER, null));
        Commands byName = Commands.createEvent().principal(APP).route("user", "Adele@attache.local", "events", null,
                null);
        EventDecision resolved = decide(byName, new MapRegistry().name(TENANT, OTHER_UPN, OTHER_USER));
        assertThat(resolved).isInstanceOf(EventDecision.Created.class);
        assertThat(((EventDecision.Created) resolved).event().owner())
                .as("a name is resolved through the directory; the owner is the object id, the name kept beside it")
                .isEqualTo(new EventOwner(EventOwner.USER, OTHER_USER, "Adele@attache.local"));
        assertThat(rejected(byName, new MapRegistry()))
                .as("a name nobody has: no calendar to put the event in")
                .isEqualTo(new ReplyError(404, "ErrorInvalidUser",
                        "The requested user 'Adele@attache.local' is invalid."));
        Principal member = new Principal(Principal.DELEGATED, USER, UPN, List.of(), List.of(GROUP));
        assertThat(created(Commands.createEvent().principal(member).route("group", GROUP, "calendar", null, null))
                .owner()).isEqualTo(new EventOwner(EventOwner.GROUP, GROUP, null));
    }

    @Test
    void theSignedInUserAddressedByUpnOwnsTheEventByObjectId() {
        assertThat(created(Commands.createEvent().route("user", "Dev@Attache.local", "events", null, null)).owner())
                .isEqualTo(new EventOwner(EventOwner.USER, USER, UPN));
    }

    @Test
    void theRouteNamesTheCalendar() {
        CalendarEvent inDefault = created(Commands.createEvent().route("me", USER, "calendar", null, null));
        CalendarEvent inCalendar = created(Commands.createEvent().route("me", USER, "calendars", null, "C1"));
        CalendarEvent inDefaultGroup = created(Commands.createEvent().route("me", USER, "calendargroup", null, "C1"));
        CalendarEvent inGroup = created(Commands.createEvent().route("me", USER, "calendarGroups", "G1", "C1"));

        assertThat(List.of(inDefault.calendarGroupId() == null, inDefault.calendarId() == null)).containsOnly(true);
        assertThat(inCalendar.calendarGroupId()).isNull();
        assertThat(inCalendar.calendarId()).isEqualTo("C1");
        assertThat(inDefaultGroup.calendarGroupId()).isNull();
        assertThat(inDefaultGroup.calendarId()).isEqualTo("C1");
        assertThat(inGroup.calendarGroupId()).isEqualTo("G1");
        assertThat(inGroup.calendarId()).isEqualTo("C1");
    }

    @Test
    void startAndEndNeedADateTimeAndATimeZone() {
        assertThat(invalidRequest(input(null, new DateTimeTimeZone("2026-12-01T10:00:00", null), null)))
                .isEqualTo("The start of the event requires a dateTime and a timeZone.");
        assertThat(invalidRequest(input(null, TEN, new DateTimeTimeZone(" ", "UTC"))))
                .isEqualTo("The end of the event requires a dateTime and a timeZone.");
        assertThat(created(Commands.createEvent().eventInput(input(null, null, null))).start()).isNull();
    }

    @Test
    void theEndIsNotBeforeTheStartInOneZone() {
        assertThat(invalidRequest(input(null, ELEVEN, TEN)))
                .isEqualTo("The end of the event must not be before its start.");
        assertThat(created(Commands.createEvent().eventInput(input(null, TEN, TEN))).end()).isEqualTo(TEN);
        // other zones, or values that are not ISO local date-times, are not compared (no zone database here)
        assertThat(created(Commands.createEvent().eventInput(input(null, ELEVEN,
                new DateTimeTimeZone("2026-12-01T10:00:00", "UTC")))).end().timeZone()).isEqualTo("UTC");
        assertThat(created(Commands.createEvent().eventInput(input(null, ELEVEN,
                new DateTimeTimeZone("tomorrow", "Pacific Standard Time")))).end().dateTime()).isEqualTo("tomorrow");
    }

    @Test
    void theSubjectHasAtMost255Characters() {
        assertThat(created(Commands.createEvent().eventInput(input("😀".repeat(255), null, null))).subject())
                .hasSize(510);
        assertThat(invalidRequest(input("s".repeat(256), null, null)))
                .isEqualTo("The subject of the event must be at most 255 characters; it has 256.");
    }

    @Test
    void stringsHaveNoControlCharactersButTheBodyMayHaveLines() {
        assertThat(invalidRequest(input("Lunch\u0007", null, null)))
                .isEqualTo("The property 'subject' contains the control character U+0007.");
        assertThat(invalidRequest(new EventInput(null, null, null, null, "Room\uDC00", null)))
                .contains("'location' contains an unpaired surrogate");
        assertThat(created(Commands.createEvent().eventInput(new EventInput(null,
                new ItemBody("text", "line one\r\n\tline two"), null, null, null, null))).body().content())
                .isEqualTo("line one\r\n\tline two");
        assertThat(invalidRequest(new EventInput(null, new ItemBody("text", "nul\u0000"), null, null, null, null)))
                .contains("'body.content' contains the control character U+0000");
    }

    @Test
    void theBodyTypeIsTextOrHtmlInAnyCase() {
        EventInput html = new EventInput(null, new ItemBody("HTML", "<p>hi</p>"), null, null, null, null);
        EventInput rtf = new EventInput(null, new ItemBody("rtf", "x"), null, null, null, null);

        assertThat(created(Commands.createEvent().eventInput(html)).body()).isEqualTo(new ItemBody("html",
                "<p>hi</p>"));
        assertThat(invalidRequest(rtf)).isEqualTo("The body contentType 'rtf' is not valid; use text or html.");
    }

    @Test
    void anotherUsersCalendarNeedsAWriteShare() {
        Principal sharedWriter = new Principal(Principal.DELEGATED, USER, UPN,
                List.of("Calendars.ReadWrite", "Calendars.ReadWrite.Shared"), List.of());
        Commands inAdelesCalendar = Commands.createEvent().principal(sharedWriter)
                .route("user", OTHER_USER, "calendars", null, "C1");

        assertThat(rejected(inAdelesCalendar, new MapRegistry())).isEqualTo(GraphErrors.DENIED);
        EventDecision decision = decide(inAdelesCalendar, new MapRegistry().share(new CalendarShare(1, TENANT,
                OTHER_USER, "C1", USER, CalendarShare.WRITE)));
        assertThat(decision).isInstanceOf(EventDecision.Created.class);
    }

    @Test
    void aGroupsCalendarIsForMembersAndNeverForApps() {
        Commands inGroup = Commands.createEvent().route("group", GROUP, "events", null, null);

        assertThat(rejected(inGroup, new MapRegistry())).isEqualTo(GraphErrors.DENIED);
        assertThat(decide(inGroup, new MapRegistry().member(TENANT, GROUP, USER)))
                .isInstanceOf(EventDecision.Created.class);
        assertThat(rejected(Commands.createEvent().principal(APP).route("group", GROUP, "events", null, null),
                new MapRegistry())).isEqualTo(GraphErrors.DENIED);
    }

    @Test
    void meWithAnAppTokenIsABadRequest() {
        assertThat(rejected(Commands.createEvent().principal(APP), new MapRegistry()))
                .isEqualTo(new ReplyError(400, "BadRequest",
                        "/me request is only valid with delegated authentication flow."));
    }

    @Test
    void theErrorsAreGraphs() {
        assertThat(GraphErrors.ITEM_NOT_FOUND).isEqualTo(new ReplyError(404, "ErrorItemNotFound",
                "The specified object was not found in the store."));
        assertThat(GraphErrors.DENIED).isEqualTo(new ReplyError(403, "ErrorAccessDenied",
                "Access is denied. Check credentials and try again."));
    }
}
