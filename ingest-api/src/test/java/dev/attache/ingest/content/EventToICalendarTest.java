package dev.attache.ingest.content;

import static dev.attache.ingest.content.Rendered.calendar;
import static dev.attache.ingest.content.Rendered.event;
import static dev.attache.ingest.content.Rendered.render;
import static dev.attache.ingest.content.Rendered.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DateProperty;

class EventToICalendarTest {

    /** The item of Graph's docs, "Add attachment", item example), with attendees added. */
    static final String DOCS_EVENT = """
            {
              "@odata.type": "microsoft.graph.event",
              "subject": "Discuss gifts for children",
              "body": { "contentType": "HTML", "content": "Let's look for funding!" },
              "start": { "dateTime": "2016-12-02T18:00:00", "timeZone": "Pacific Standard Time" },
              "end":   { "dateTime": "2016-12-02T19:00:00", "timeZone": "Pacific Standard Time" },
              "location": { "displayName": "Harry's Bar" },
              "organizer": { "emailAddress": { "name": "Samantha Booth", "address": "samanthab@contoso.com" } },
              "attendees": [
                { "emailAddress": { "address": "adelev@contoso.com", "name": "Adele Vance" }, "type": "required",
                  "status": { "response": "accepted", "time": "2016-12-01T20:00:00Z" } },
                { "emailAddress": { "address": "alexw@contoso.com", "name": "Alex Wilber" }, "type": "optional",
                  "status": { "response": "tentativelyAccepted" } },
                { "emailAddress": { "address": "room1@contoso.com", "name": "Conf Room 1" }, "type": "resource" }
              ]
            }
            """;

    @Test
    void docsExampleBecomesAPublishedVEventInItsTimeZone() {
        ItemContent content = render(DOCS_EVENT);

        assertThat(content.contentType()).isEqualTo("text/calendar; charset=utf-8");
        assertThat(text(content)).startsWith("BEGIN:VCALENDAR\r\n").contains("\r\nMETHOD:PUBLISH\r\n");
        Calendar calendar = calendar(content);
        assertThat(value(calendar.getProperty(Property.PRODID))).isEqualTo("-//attache//Graph item attachment//EN");
        assertThat(value(calendar.getProperty(Property.VERSION))).isEqualTo("2.0");
        assertThat(value(calendar.getProperty(Property.METHOD))).isEqualTo("PUBLISH");
        assertThat(timeZoneIds(calendar)).containsExactly("America/Los_Angeles");
        assertThat(calendar.<VEvent>getComponents("VEVENT")).hasSize(1);

        VEvent event = event(content);
        assertThat(value(event.getProperty(Property.UID)))
                .isEqualTo(UUID.nameUUIDFromBytes(DOCS_EVENT.getBytes(StandardCharsets.UTF_8)).toString());
        assertThat(value(event.getProperty(Property.DTSTAMP))).isEqualTo("20161201T222713Z");
        assertThat(value(event.getProperty(Property.SUMMARY))).isEqualTo("Discuss gifts for children");
        assertThat(value(event.getProperty(Property.LOCATION))).isEqualTo("Harry's Bar");

        assertZoned(event, Property.DTSTART, "America/Los_Angeles", "2016-12-02T18:00", "2016-12-03T02:00:00Z");
        assertZoned(event, Property.DTEND, "America/Los_Angeles", "2016-12-02T19:00", "2016-12-03T03:00:00Z");

        // the docs body is "HTML": the HTML as is, and its text
        assertThat(value(event.getProperty(Property.DESCRIPTION))).isEqualTo("Let's look for funding!");
        Property altDesc = event.<Property>getProperty("X-ALT-DESC").orElseThrow();
        assertThat(altDesc.getValue()).isEqualTo("Let's look for funding!");
        assertThat(parameter(altDesc, Parameter.FMTTYPE)).contains("text/html");

        Property organizer = event.<Property>getProperty(Property.ORGANIZER).orElseThrow();
        assertThat(organizer.getValue()).isEqualTo("mailto:samanthab@contoso.com");
        assertThat(parameter(organizer, Parameter.CN)).contains("Samantha Booth");

        List<Property> attendees = event.getProperties(Property.ATTENDEE);
        assertThat(attendees).extracting(Property::getValue).containsExactly("mailto:adelev@contoso.com",
                "mailto:alexw@contoso.com", "mailto:room1@contoso.com");
        assertThat(attendees).extracting(a -> parameter(a, Parameter.CN).orElse(null))
                .containsExactly("Adele Vance", "Alex Wilber", "Conf Room 1");
        assertThat(attendees).extracting(a -> parameter(a, Parameter.ROLE).orElse(null))
                .containsExactly("REQ-PARTICIPANT", "OPT-PARTICIPANT", "NON-PARTICIPANT");
        assertThat(attendees).extracting(a -> parameter(a, Parameter.CUTYPE).orElse(null))
                .containsExactly(null, null, "RESOURCE");
        assertThat(attendees).extracting(a -> parameter(a, Parameter.PARTSTAT).orElse(null))
                .containsExactly("ACCEPTED", "TENTATIVE", null);
    }

    @Test
    void sameItemGivesTheSameBytes() {
        byte[] first = render(DOCS_EVENT).bytes();
        byte[] again = new ItemContentRenderer().render(DOCS_EVENT.getBytes(StandardCharsets.UTF_8),
                Instant.parse(Rendered.LAST_MODIFIED)).bytes();

        assertThat(again).isEqualTo(first);
    }

    @Test
    void dtstampIsTheAttachmentsLastModifiedNotTheClock() {
        ItemContent content = Rendered.RENDERER.render(DOCS_EVENT.getBytes(StandardCharsets.UTF_8),
                "2020-02-29T23:59:58.1234567Z");

        assertThat(value(event(content).getProperty(Property.DTSTAMP))).isEqualTo("20200229T235958Z");
    }

    @Test
    void uidIsTheICalUIdThenTheId() {
        String both = """
                {"@odata.type": "#microsoft.graph.event", "id": "AAMkAGI1AAAt9AHjAAA=",
                 "iCalUId": "040000008200E00074C5B7101A82E008000000006FF2"}""";
        String idOnly = """
                {"@odata.type": "#microsoft.graph.event", "id": "AAMkAGI1AAAt9AHjAAA="}""";

        assertThat(value(event(render(both)).getProperty(Property.UID)))
                .isEqualTo("040000008200E00074C5B7101A82E008000000006FF2");
        assertThat(value(event(render(idOnly)).getProperty(Property.UID))).isEqualTo("AAMkAGI1AAAt9AHjAAA=");
    }

    @Test
    void anEventWithNothingButItsTypeStillHasUidAndDtstamp() {
        ItemContent content = render("{\"@odata.type\": \"#microsoft.graph.event\"}");

        VEvent event = event(content);
        assertThat(names(event)).containsExactly("UID", "DTSTAMP");
        assertThat(timeZoneIds(calendar(content))).isEmpty();
    }

    @Test
    void missingOptionalFieldsAreLeftOut() {
        ItemContent content = render("""
                {"@odata.type": "#microsoft.graph.event", "subject": "Stand-up",
                 "start": {"dateTime": "2016-12-02T09:00:00", "timeZone": "UTC"},
                 "body": {"contentType": "text", "content": ""},
                 "location": {"displayName": ""}, "organizer": {"emailAddress": {"name": "No address"}},
                 "attendees": [{"type": "required", "emailAddress": {"name": "No address either"}}]}""");

        VEvent event = event(content);
        assertThat(names(event))
                .containsExactly("UID", "DTSTAMP", "DTSTART", "SUMMARY");
    }

    /** As is, but for its line breaks: iCalendar TEXT has LF ({@code \\n}) and no CR. */
    @Test
    void htmlBodyKeepsTheHtmlAsIsAndDescribesItsText() {
        String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">"
                + "<style>p { color: red; }</style></head><body>\r\n<div>Agenda:&nbsp;<b>budget</b> &amp; "
                + "hiring</div><ul><li>Q1, Q2; Q3</li><li>caf&eacute; &#8364;5</li></ul><p>See you<br>Sam</p>"
                + "<script>alert(1)</script></body></html>";
        ItemContent content = render("""
                {"@odata.type": "#microsoft.graph.event",
                 "body": {"contentType": "html", "content": %s}}""".formatted(json(html)));

        VEvent event = event(content);
        assertThat(event.<Property>getProperty("X-ALT-DESC").orElseThrow().getValue())
                .isEqualTo(html.replace("\r\n", "\n"));
        assertThat(value(event.getProperty(Property.DESCRIPTION)))
                .isEqualTo("Agenda: budget & hiring\nQ1, Q2; Q3\ncafé €5\nSee you\nSam");
    }

    @Test
    void textBodyIsTheDescriptionWithoutAlternative() {
        ItemContent content = render("""
                {"@odata.type": "#microsoft.graph.event",
                 "body": {"contentType": "Text", "content": "Line one, with; punctuation\\r\\nLine <two>"}}""");

        VEvent event = event(content);
        assertThat(value(event.getProperty(Property.DESCRIPTION))).isEqualTo("Line one, with; punctuation\nLine <two>");
        assertThat(event.getProperty("X-ALT-DESC")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "Pacific Standard Time,          America/Los_Angeles, 2016-12-03T02:00:00Z",
            "pacific standard time,          America/Los_Angeles, 2016-12-03T02:00:00Z",
            "W. Europe Standard Time,        Europe/Berlin,       2016-12-02T17:00:00Z",
            "India Standard Time,            Asia/Kolkata,        2016-12-02T12:30:00Z",
            "Central America Standard Time,  America/Guatemala,   2016-12-03T00:00:00Z",
            "AUS Eastern Standard Time,      Australia/Sydney,    2016-12-02T07:00:00Z",
            "Europe/Paris,                   Europe/Paris,        2016-12-02T17:00:00Z",
    })
    void windowsAndIanaTimeZonesBecomeATzidWithItsVTimeZone(String timeZone, String tzid, String instant) {
        ItemContent content = render("""
                {"@odata.type": "#microsoft.graph.event",
                 "start": {"dateTime": "2016-12-02T18:00:00.0000000", "timeZone": "%s"}}""".formatted(timeZone));

        assertZoned(event(content), Property.DTSTART, tzid, "2016-12-02T18:00", instant);
        assertThat(timeZoneIds(calendar(content))).containsExactly(tzid);
    }

    @Test
    void daylightSavingTimeComesFromTheZonesRules() {
        ItemContent content = render("""
                {"@odata.type": "#microsoft.graph.event",
                 "start": {"dateTime": "2016-07-01T18:00:00", "timeZone": "Pacific Standard Time"}}""");

        assertZoned(event(content), Property.DTSTART, "America/Los_Angeles", "2016-07-01T18:00",
                "2016-07-02T01:00:00Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Etc/UTC", "tzone://Microsoft/Utc", "GMT", "utc"})
    void utcIsWrittenAsUtcWithoutVTimeZone(String timeZone) {
        ItemContent content = render("""
                {"@odata.type": "#microsoft.graph.event",
                 "start": {"dateTime": "2016-12-02T18:00:00", "timeZone": "%s"}}""".formatted(timeZone));

        assertThat(text(content)).contains("\r\nDTSTART:20161202T180000Z\r\n");
        assertThat(timeZoneIds(calendar(content))).isEmpty();
        assertThat(Instant.from(date(event(content), Property.DTSTART)))
                .isEqualTo(Instant.parse("2016-12-02T18:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Customized Time Zone", "Not/AZone"})
    void unknownTimeZoneGivesAFloatingTime(String timeZone) {
        ItemContent content = render("""
                {"@odata.type": "#microsoft.graph.event",
                 "start": {"dateTime": "2016-12-02T18:00:00", "timeZone": "%s"}}""".formatted(timeZone));

        assertThat(text(content)).contains("\r\nDTSTART:20161202T180000\r\n");
        assertThat(timeZoneIds(calendar(content))).isEmpty();
        assertThat(date(event(content), Property.DTSTART)).isEqualTo(LocalDateTime.parse("2016-12-02T18:00:00"));
    }

    @Test
    void missingTimeZoneGivesAFloatingTime() {
        ItemContent content = render("""
                {"@odata.type": "#microsoft.graph.event", "start": {"dateTime": "2016-12-02T18:00:00"}}""");

        assertThat(text(content)).contains("\r\nDTSTART:20161202T180000\r\n");
    }

    @Test
    void aFixedOffsetZoneWithoutVTimeZoneIsWrittenAsTheExactUtcTime() {
        ItemContent content = render("""
                {"@odata.type": "#microsoft.graph.event",
                 "start": {"dateTime": "2016-12-02T18:00:00", "timeZone": "UTC+05:30"}}""");

        assertThat(text(content)).contains("\r\nDTSTART:20161202T123000Z\r\n");
    }

    @Test
    void aDateTimeWithItsOwnOffsetIsThatInstant() {
        ItemContent content = render("""
                {"@odata.type": "#microsoft.graph.event",
                 "start": {"dateTime": "2016-12-02T18:00:00+01:00", "timeZone": "Pacific Standard Time"},
                 "end": {"dateTime": "2016-12-02T19:00:00Z", "timeZone": "Customized Time Zone"}}""");

        VEvent event = event(content);
        assertZoned(event, Property.DTSTART, "America/Los_Angeles", "2016-12-02T09:00", "2016-12-02T17:00:00Z");
        assertThat(Instant.from(date(event, Property.DTEND))).isEqualTo(Instant.parse("2016-12-02T19:00:00Z"));
    }

    @Test
    void startAndEndInDifferentZonesBringBothVTimeZones() {
        ItemContent content = render("""
                {"@odata.type": "#microsoft.graph.event",
                 "start": {"dateTime": "2016-12-02T08:00:00", "timeZone": "W. Europe Standard Time"},
                 "end": {"dateTime": "2016-12-02T19:00:00", "timeZone": "Eastern Standard Time"}}""");

        assertThat(timeZoneIds(calendar(content))).containsExactly("Europe/Berlin", "America/New_York");
    }

    @Test
    void allDayEventsAreDates() {
        ItemContent content = render("""
                {"@odata.type": "#microsoft.graph.event", "isAllDay": true,
                 "start": {"dateTime": "2016-12-02T00:00:00.0000000", "timeZone": "Pacific Standard Time"},
                 "end": {"dateTime": "2016-12-03T00:00:00.0000000", "timeZone": "Pacific Standard Time"}}""");

        assertThat(text(content)).contains("\r\nDTSTART;VALUE=DATE:20161202\r\n", "\r\nDTEND;VALUE=DATE:20161203\r\n");
        assertThat(date(event(content), Property.DTSTART)).isEqualTo(LocalDate.parse("2016-12-02"));
        assertThat(timeZoneIds(calendar(content))).isEmpty();
    }

    @Test
    void categoriesSensitivityShowAsAndCancellation() {
        ItemContent content = render("""
                {"@odata.type": "#microsoft.graph.event", "categories": ["Red category", "Blue, category"],
                 "sensitivity": "private", "showAs": "free", "isCancelled": true}""");

        VEvent event = event(content);
        assertThat(value(event.getProperty(Property.CATEGORIES))).isEqualTo("Red category,Blue\\, category");
        assertThat(value(event.getProperty(Property.CLASS))).isEqualTo("PRIVATE");
        assertThat(value(event.getProperty(Property.TRANSP))).isEqualTo("TRANSPARENT");
        assertThat(value(event.getProperty(Property.STATUS))).isEqualTo("CANCELLED");
    }

    @Test
    void propertyNamesInAnyCase() {
        ItemContent content = render("""
                {"@ODATA.TYPE": "#Microsoft.Graph.Event", "Subject": "Pascal",
                 "Start": {"DateTime": "2016-12-02T18:00:00", "TimeZone": "UTC"}}""");

        VEvent event = event(content);
        assertThat(value(event.getProperty(Property.SUMMARY))).isEqualTo("Pascal");
        assertThat(Instant.from(date(event, Property.DTSTART))).isEqualTo(Instant.parse("2016-12-02T18:00:00Z"));
    }

    @Test
    void fieldsOfTheWrongShapeAreLeftOut() {
        ItemContent content = render("""
                {"@odata.type": "#microsoft.graph.event", "subject": {"not": "text"},
                 "start": "2016-12-02T18:00:00", "end": {"dateTime": "next tuesday", "timeZone": "UTC"},
                 "attendees": {"emailAddress": {"address": "a@contoso.com"}}, "organizer": [],
                 "body": {"contentType": "html", "content": ["x"]}, "isAllDay": "yes"}""");

        assertThat(names(event(content))).containsExactly("UID", "DTSTAMP");
    }

    @Test
    void nonAsciiTextSurvivesLineFolding() {
        String subject = "Gâteau 🎂 ".repeat(20) + "日本語の会議 €";
        ItemContent content = render("""
                {"@odata.type": "#microsoft.graph.event", "subject": %s}""".formatted(json(subject)));

        assertThat(text(content)).doesNotContain("\uFFFD").contains("\r\n ");
        assertThat(value(event(content).getProperty(Property.SUMMARY))).isEqualTo(subject);
    }

    @Test
    void controlCharactersCannotBreakContentLines() {
        ItemContent content = render("""
                {"@odata.type": "#microsoft.graph.event", "subject": "a\\r\\nb\\rc\\u0007d\\te",
                 "location": {"displayName": "Room\\u0000 1"},
                 "organizer": {"emailAddress": {"name": "Sam\\r\\nBooth", "address": "s@contoso.com"}}}""");

        assertThat(text(content)).doesNotContain("\u0007", "\u0000").doesNotContainPattern("\r(?!\n)");
        VEvent event = event(content);
        assertThat(value(event.getProperty(Property.SUMMARY))).isEqualTo("a\nb\ncd\te");
        assertThat(value(event.getProperty(Property.LOCATION))).isEqualTo("Room 1");
        assertThat(parameter(event.<Property>getProperty(Property.ORGANIZER).orElseThrow(), Parameter.CN))
                .contains("Sam Booth");
    }

    @Test
    void addressesThatAreNotPlainAreEncodedInTheMailtoUri() {
        ItemContent content = render("""
                {"@odata.type": "#microsoft.graph.event",
                 "organizer": {"emailAddress": {"address": "first last@contoso.com"}}}""");

        assertThat(value(event(content).getProperty(Property.ORGANIZER))).isEqualTo("mailto:first%20last@contoso.com");
    }

    // ---------------------------------------------------------------------------------------------------------------

    static String json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static String value(Optional<? extends Property> property) {
        return property.map(Property::getValue).orElse(null);
    }

    private static Optional<String> parameter(Property property, String name) {
        return property.<Parameter>getParameter(name).map(Parameter::getValue);
    }

    private static List<String> names(VEvent event) {
        return event.<Property>getProperties().stream().map(Property::getName).toList();
    }

    private static List<String> timeZoneIds(Calendar calendar) {
        return calendar.<VTimeZone>getComponents("VTIMEZONE").stream()
                .map(zone -> zone.<Property>getProperty(Property.TZID).orElseThrow().getValue()).toList();
    }

    private static Temporal date(VEvent event, String name) {
        return event.<DateProperty<?>>getProperty(name).orElseThrow().getDate();
    }

    /** A DTSTART/DTEND with TZID {@code tzid}, local time {@code local} and, in UTC, {@code instant}. */
    private static void assertZoned(VEvent event, String name, String tzid, String local, String instant) {
        DateProperty<?> property = event.<DateProperty<?>>getProperty(name).orElseThrow();
        assertThat(parameter(property, Parameter.TZID)).contains(tzid);
        assertThat(property.getDate()).isInstanceOf(ZonedDateTime.class);
        ZonedDateTime zoned = (ZonedDateTime) property.getDate();
        assertThat(zoned.toLocalDateTime()).isEqualTo(LocalDateTime.parse(local));
        assertThat(zoned.toInstant()).isEqualTo(Instant.parse(instant));
    }
}
