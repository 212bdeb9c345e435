package dev.attache.ingest.events;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.attache.schemas.event.CalendarEvent;

/** An event as Graph shows it (the properties the registry keeps), for {@code POST …/events}. */
public final class EventJsonWriter {

    private EventJsonWriter() {
    }

    /**
     * @param hasAttachments known for a new event (false); null where the registry does not say, and then left out
     *     rather than guessed
     */
    public static Map<String, Object> json(CalendarEvent event, String odataContext, Boolean hasAttachments) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@odata.context", odataContext);
        json.put("id", event.eventId());
        json.put("createdDateTime", event.createdDateTime());
        json.put("lastModifiedDateTime", event.lastModifiedDateTime());
        json.put("subject", event.subject());
        json.put("body", event.body() == null ? null
                : map("contentType", event.body().contentType(), "content", event.body().content()));
        json.put("start", event.start() == null ? null
                : map("dateTime", event.start().dateTime(), "timeZone", event.start().timeZone()));
        json.put("end", event.end() == null ? null
                : map("dateTime", event.end().dateTime(), "timeZone", event.end().timeZone()));
        json.put("location", map("displayName", event.location()));
        json.put("organizer", event.organizer() == null ? null : Map.of("emailAddress",
                map("name", event.organizer().name(), "address", event.organizer().address())));
        if (hasAttachments != null) {
            json.put("hasAttachments", hasAttachments);
        }
        return json;
    }

    /** Like {@code Map.of}, but keeps nulls, which Graph writes out. */
    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
