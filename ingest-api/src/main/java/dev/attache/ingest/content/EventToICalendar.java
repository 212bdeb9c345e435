package dev.attache.ingest.content;

import static dev.attache.ingest.content.GraphJson.array;
import static dev.attache.ingest.content.GraphJson.enumValue;
import static dev.attache.ingest.content.GraphJson.field;
import static dev.attache.ingest.content.GraphJson.flag;
import static dev.attache.ingest.content.GraphJson.lines;
import static dev.attache.ingest.content.GraphJson.mailbox;
import static dev.attache.ingest.content.GraphJson.text;
import static dev.attache.ingest.content.GraphJson.texts;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import dev.attache.ingest.content.GraphJson.Mailbox;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.CuType;
import net.fortuna.ical4j.model.parameter.FmtType;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableClazz;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * An {@code event} as iCalendar (RFC 5545), built with ical4j: a {@code VCALENDAR} ({@code PRODID},
 * {@code VERSION:2.0}, {@code METHOD:PUBLISH}) holding the {@code VTIMEZONE} of each zone used and one
 * {@code VEVENT}.
 *
 * <table>
 * <caption>Graph event → VEVENT</caption>
 * <tr><td>{@code iCalUId}, else {@code id}, else a name-based UUID of the item's JSON bytes</td><td>UID</td></tr>
 * <tr><td>the attachment's {@code lastModifiedDateTime}</td><td>DTSTAMP (so the output is deterministic)</td></tr>
 * <tr><td>{@code start}, {@code end} ({@code dateTimeTimeZone}); {@code isAllDay}</td>
 *     <td>DTSTART, DTEND: see {@link #dateTime}; all-day events as {@code VALUE=DATE}</td></tr>
 * <tr><td>{@code subject}</td><td>SUMMARY</td></tr>
 * <tr><td>{@code body}: text</td><td>DESCRIPTION</td></tr>
 * <tr><td>{@code body}: html</td><td>X-ALT-DESC;FMTTYPE=text/html (the HTML as is) and DESCRIPTION (its text, tags
 *     stripped), as Outlook writes it</td></tr>
 * <tr><td colspan="2">Text values keep their line breaks as LF ({@code \n} in iCalendar) and lose other control
 *     characters, which iCalendar TEXT cannot carry ({@link GraphJson#lines}).</td></tr>
 * <tr><td>{@code location.displayName}</td><td>LOCATION</td></tr>
 * <tr><td>{@code organizer.emailAddress}</td><td>ORGANIZER;CN=name:mailto:address</td></tr>
 * <tr><td>{@code attendees[]}: {@code emailAddress}, {@code type}, {@code status.response}</td>
 *     <td>ATTENDEE;CN;ROLE (required → REQ-PARTICIPANT, optional → OPT-PARTICIPANT, resource →
 *     NON-PARTICIPANT with CUTYPE=RESOURCE);PARTSTAT</td></tr>
 * <tr><td>{@code categories}, {@code sensitivity}, {@code showAs}, {@code isCancelled}</td>
 *     <td>CATEGORIES, CLASS, TRANSP, STATUS:CANCELLED</td></tr>
 * </table>
 *
 * <p>Not rendered: {@code recurrence} (no RRULE), reminders, online-meeting data, attachments of the event.
 */
final class EventToICalendar {

    static final String PRODID = "-//attache//Graph item attachment//EN";

    /**
     * ical4j's registry of the VTIMEZONE definitions it bundles (tzurl.org data in {@code zoneinfo/}). It only reads
     * class-path resources: fetching newer definitions ({@code net.fortuna.ical4j.timezone.update.enabled}) is off
     * by default in ical4j 4.1.1.
     */
    private static final TimeZoneRegistry TIME_ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    private EventToICalendar() {
    }

    static byte[] render(JsonNode event, byte[] json, Instant stamp) {
        Map<String, VTimeZone> zones = new LinkedHashMap<>();
        VEvent vevent = new VEvent(false);
        vevent.add(new Uid(uid(event, json)));
        vevent.add(new DtStamp(stamp.truncatedTo(ChronoUnit.SECONDS)));
        boolean allDay = flag(event, "isAllDay");
        dateTime(field(event, "start"), allDay, zones).ifPresent(start -> vevent.add(new DtStart<>(start)));
        dateTime(field(event, "end"), allDay, zones).ifPresent(end -> vevent.add(new DtEnd<>(end)));
        text(event, "subject").ifPresent(subject -> vevent.add(new Summary(lines(subject))));
        GraphJson.body(event).ifPresent(body -> {
            if (body.html()) {
                vevent.add(new Description(lines(HtmlToText.text(body.content()))));
                // as is, but for line breaks (CRLF becomes LF: TEXT has no CR)
                vevent.add(new XProperty("X-ALT-DESC", new ParameterList(List.of(new FmtType("text/html"))),
                        lines(body.content())));
            } else {
                vevent.add(new Description(lines(body.content())));
            }
        });
        text(event, "location", "displayName").ifPresent(location -> vevent.add(new Location(lines(location))));
        mailbox(event, "organizer", "emailAddress").flatMap(EventToICalendar::mailto).ifPresent(organizer -> {
            Organizer property = new Organizer(organizer.uri());
            organizer.name().ifPresent(name -> property.add(new Cn(name)));
            vevent.add(property);
        });
        for (JsonNode attendee : array(event, "attendees")) {
            attendee(attendee).ifPresent(vevent::add);
        }
        List<String> categories = texts(event, "categories").stream().map(GraphJson::oneLine).toList();
        if (!categories.isEmpty()) {
            vevent.add(new Categories(new TextList(categories)));
        }
        enumValue(event, "sensitivity").flatMap(EventToICalendar::classification).ifPresent(vevent::add);
        enumValue(event, "showAs").flatMap(EventToICalendar::transparency).ifPresent(vevent::add);
        if (flag(event, "isCancelled")) {
            vevent.add(ImmutableStatus.VEVENT_CANCELLED);
        }

        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableMethod.PUBLISH);
        zones.values().forEach(calendar::add);
        calendar.add(vevent);
        StringWriter out = new StringWriter();
        try {
            // not validating: a Graph event may lack what RFC 5545 requires (a PUBLISH without ORGANIZER, say), and
            // $value answers with what there is
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new IllegalStateException("Writing to a StringWriter failed", e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String uid(JsonNode event, byte[] json) {
        return text(event, "iCalUId").or(() -> text(event, "id"))
                .orElseGet(() -> UUID.nameUUIDFromBytes(json).toString());
    }

    /**
     * A Graph {@code dateTimeTimeZone} ({@code {"dateTime": "2016-12-02T18:00:00", "timeZone": "Pacific Standard
     * Time"}}) as the value of DTSTART/DTEND. {@code dateTime} is the wall-clock time in {@code timeZone}; Graph writes
     * it with up to seven decimals, which iCalendar has no room for (truncated to seconds).
     * <ul>
     * <li>all-day event: the date ({@code VALUE=DATE});</li>
     * <li>UTC ("UTC", "Etc/UTC", "tzone://Microsoft/Utc", …): a UTC time ({@code …Z});</li>
     * <li>a Windows name ({@link WindowsTimeZones}) or an IANA id: the local time with {@code TZID} and that
     *     zone's {@code VTIMEZONE}; a zone java.time knows but ical4j has no VTIMEZONE for (a fixed offset such as
     *     "UTC+05:30") becomes the exact UTC time instead;</li>
     * <li>a missing or unknown zone (e.g. "Customized Time Zone", whose rules Graph does not send): a <em>floating</em>
     *     local time, neither TZID nor Z. Reading it as UTC would state an instant that is off by the unknown offset;
     *     floating keeps what the organiser typed and is RFC 5545's way to say "zone not known". A {@code dateTime}
     *     that carries its own offset is an instant, so it is written in UTC.</li>
     * </ul>
     * A {@code dateTime} that does not parse leaves the property out.
     */
    static Optional<Temporal> dateTime(JsonNode dateTimeTimeZone, boolean allDay, Map<String, VTimeZone> zones) {
        Optional<String> text = text(dateTimeTimeZone, "dateTime").map(String::trim);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        LocalDateTime local;
        Instant instant = null;
        try {
            local = LocalDateTime.parse(text.get());
        } catch (DateTimeException noLocalTime) {
            try {
                OffsetDateTime withOffset = OffsetDateTime.parse(text.get());
                local = withOffset.toLocalDateTime();
                instant = withOffset.toInstant();
            } catch (DateTimeException unreadable) {
                return Optional.empty();
            }
        }
        local = local.truncatedTo(ChronoUnit.SECONDS);
        if (allDay) {
            return Optional.of(local.toLocalDate());
        }
        Optional<ZoneId> zone = zone(text(dateTimeTimeZone, "timeZone").orElse(null));
        if (zone.isEmpty()) {
            return Optional.of(instant != null ? instant.truncatedTo(ChronoUnit.SECONDS) : local);
        }
        ZonedDateTime zoned = instant != null ? instant.atZone(zone.get()) : local.atZone(zone.get());
        if (zone.get().normalized().equals(ZoneOffset.UTC)) {
            return Optional.of(zoned.toInstant().truncatedTo(ChronoUnit.SECONDS));
        }
        Optional<VTimeZone> definition = vtimezone(zone.get());
        if (definition.isEmpty()) {
            return Optional.of(zoned.toInstant().truncatedTo(ChronoUnit.SECONDS));
        }
        zones.putIfAbsent(zone.get().getId(), definition.get());
        return Optional.of(zoned.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The zone a Graph {@code timeZone} names: a Windows name, an IANA id, or one of Exchange's UTC spellings. */
    static Optional<ZoneId> zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return Optional.empty();
        }
        String name = timeZone.trim();
        if (name.equalsIgnoreCase("tzone://Microsoft/Utc")) {
            return Optional.of(ZoneOffset.UTC);
        }
        Optional<String> windows = WindowsTimeZones.ianaId(name);
        try {
            return Optional.of(ZoneId.of(windows.orElse(name)));
        } catch (DateTimeException unknown) {
            return Optional.empty();
        }
    }

    private static Optional<VTimeZone> vtimezone(ZoneId zone) {
        try {
            TimeZone timeZone = TIME_ZONES.getTimeZone(zone.getId());
            return Optional.ofNullable(timeZone).map(TimeZone::getVTimeZone);
        } catch (RuntimeException notBundled) {
            return Optional.empty();
        }
    }

    private static Optional<Attendee> attendee(JsonNode attendee) {
        return mailbox(attendee, "emailAddress").flatMap(EventToICalendar::mailto).map(address -> {
            Attendee property = new Attendee(address.uri());
            address.name().ifPresent(name -> property.add(new Cn(name)));
            switch (enumValue(attendee, "type").orElse("")) {
                case "required" -> property.add(Role.REQ_PARTICIPANT);
                case "optional" -> property.add(Role.OPT_PARTICIPANT);
                case "resource" -> {
                    property.add(CuType.RESOURCE);
                    property.add(Role.NON_PARTICIPANT);
                }
                default -> {
                    // no ROLE: RFC 5545's default, REQ-PARTICIPANT
                }
            }
            enumValue(attendee, "status", "response").flatMap(EventToICalendar::participation)
                    .ifPresent(property::add);
            return property;
        });
    }

    /** Graph's {@code responseType} as PARTSTAT; {@code none} and {@code organizer} have no counterpart. */
    private static Optional<PartStat> participation(String response) {
        return Optional.ofNullable(switch (response) {
            case "accepted" -> PartStat.ACCEPTED;
            case "declined" -> PartStat.DECLINED;
            case "tentativelyaccepted" -> PartStat.TENTATIVE;
            case "notresponded" -> PartStat.NEEDS_ACTION;
            default -> null;
        });
    }

    /** Graph's {@code sensitivity} as CLASS. */
    private static Optional<Property> classification(String sensitivity) {
        return Optional.ofNullable(switch (sensitivity) {
            case "normal" -> ImmutableClazz.PUBLIC;
            case "private", "personal" -> ImmutableClazz.PRIVATE;
            case "confidential" -> ImmutableClazz.CONFIDENTIAL;
            default -> null;
        });
    }

    /** Graph's {@code showAs} ({@code freeBusyStatus}) as TRANSP: free is transparent, the rest block time. */
    private static Optional<Property> transparency(String showAs) {
        return Optional.ofNullable(switch (showAs) {
            case "free" -> ImmutableTransp.TRANSPARENT;
            case "tentative", "busy", "oof", "workingelsewhere" -> ImmutableTransp.OPAQUE;
            default -> null;
        });
    }

    /** A calendar user address: {@code mailto:} and the address, percent-encoded where a URI needs it. */
    private static Optional<CalAddress> mailto(Mailbox mailbox) {
        try {
            return Optional.of(new CalAddress(new URI("mailto", mailbox.address(), null),
                    Optional.ofNullable(mailbox.name()).filter(name -> !name.isBlank())));
        } catch (URISyntaxException unusable) {
            return Optional.empty();
        }
    }

    private record CalAddress(URI uri, Optional<String> name) {
    }
}
