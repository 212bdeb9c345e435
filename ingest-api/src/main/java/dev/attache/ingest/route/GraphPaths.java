package dev.attache.ingest.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.attache.ingest.error.GraphException;

/**
 * Parses the Graph attachment routes (graph-compatibility.md §2): {@code /v1.0} and {@code /beta}; {@code /me},
 * {@code /users/{id|upn}}, {@code /groups/{id}}; then {@code events/{E}}, {@code calendar/events/{E}},
 * {@code calendars/{C}/events/{E}}, {@code calendargroup/calendars/{C}/events/{E}} or
 * {@code calendarGroups/{G}/calendars/{C}/events/{E}} (groups: the first two); then {@code attachments}.
 *
 * <p>Segment names match case-insensitively; every key may also be written OData-style, {@code events('{E}')};
 * every segment is percent-decoded once. A pure function of the raw (still encoded) path.
 */
public final class GraphPaths {

    /** Graph ids seen in the wild stay far below this; longer ones are refused rather than stored. */
    static final int MAX_ID_LENGTH = 512;

    private static final Pattern KEY_FORM = Pattern.compile("^([A-Za-z.]+)\\((.*)\\)$", Pattern.DOTALL);

    private GraphPaths() {
    }

    /**
     * The attachments path {@code rawPath} names, or empty when it names none (404).
     *
     * @throws GraphException {@code ErrorInvalidIdMalformed} when the shape is right but an id is not usable
     */
    public static Optional<AttachmentsPath> parse(String rawPath) {
        return resolve(rawPath).filter(AttachmentsPath.class::isInstance).map(AttachmentsPath.class::cast);
    }

    /**
     * What {@code rawPath} names: an events collection, one event, or a path into an event's attachments; empty when
     * it names none of them (404).
     *
     * @throws GraphException {@code ErrorInvalidIdMalformed} when the shape is right but an id is not usable
     */
    public static Optional<GraphResource> resolve(String rawPath) {
        List<Segment> segments = new ArrayList<>();
        for (String raw : rawPath.split("/", -1)) {
            if (raw.isEmpty()) {
                continue;
            }
            Optional<String> decoded = PercentDecoding.decode(raw);
            if (decoded.isEmpty()) {
                throw GraphException.malformedId();
            }
            segments.add(Segment.of(decoded.get()));
        }
        return new Cursor(segments).resource();
    }

    /** One decoded segment: a name, and the key when written {@code name('key')}. */
    private record Segment(String text, String name, String key) {

        static Segment of(String text) {
            Matcher m = KEY_FORM.matcher(text);
            if (m.matches()) {
                return new Segment(text, m.group(1), unquote(m.group(2)));
            }
            return new Segment(text, text, null);
        }

        boolean is(String expected) {
            return name.equalsIgnoreCase(expected);
        }

        private static String unquote(String key) {
            if (key.length() >= 2 && key.startsWith("'") && key.endsWith("'")) {
                return key.substring(1, key.length() - 1).replace("''", "'");
            }
            return key;
        }
    }

    private static final class Cursor {
        private final List<Segment> segments;
        private int next;

        Cursor(List<Segment> segments) {
            this.segments = segments;
        }

        Optional<GraphResource> resource() {
            String version = version();
            if (version == null || !hasNext()) {
                return Optional.empty();
            }
            Segment owner = take();
            String ownerKind;
            String ownerId = null;
            if (owner.is("me") && owner.key() == null) {
                ownerKind = EventPath.ME;
            } else if (owner.is("users")) {
                ownerId = key(owner);
                // Clients that skip the SDK's URL rewriting send this placeholder for /me.
                ownerKind = "TokenToReplace".equalsIgnoreCase(ownerId) ? EventPath.ME : EventPath.USER;
                ownerId = EventPath.ME.equals(ownerKind) ? null : ownerId;
            } else if (owner.is("groups")) {
                ownerKind = EventPath.GROUP;
                ownerId = key(owner);
            } else {
                return Optional.empty();
            }
            if (ownerId == null && !EventPath.ME.equals(ownerKind)) {
                return Optional.empty();
            }
            return event(version, ownerKind, ownerId).flatMap(this::below);
        }

        private String version() {
            if (!hasNext()) {
                return null;
            }
            String text = take().text();
            if (text.equalsIgnoreCase("v1.0")) {
                return "v1.0";
            }
            return text.equalsIgnoreCase("beta") ? "beta" : null;
        }

        private Optional<EventPath> event(String version, String ownerKind, String ownerId) {
            if (!hasNext()) {
                return Optional.empty();
            }
            Segment first = take();
            String container;
            String calendarGroupId = null;
            String calendarId = null;
            boolean group = EventPath.GROUP.equals(ownerKind);
            if (first.is("events")) {
                container = "events";
                next--;
            } else if (first.is("calendar") && first.key() == null) {
                container = "calendar";
            } else if (!group && first.is("calendars")) {
                container = "calendars";
                calendarId = key(first);
            } else if (!group && first.is("calendargroup") && first.key() == null) {
                container = "calendargroup";
                calendarId = keyOfNext("calendars");
            } else if (!group && first.is("calendarGroups")) {
                container = "calendarGroups";
                calendarGroupId = key(first);
                calendarId = keyOfNext("calendars");
            } else {
                return Optional.empty();
            }
            if (calendarGroupId == null && "calendarGroups".equals(container)
                    || calendarId == null && container.startsWith("calendar") && !"calendar".equals(container)) {
                return Optional.empty();
            }
            if (next == segments.size() - 1 && peek().is("events") && peek().key() == null) {
                next++;
                return Optional.of(new EventPath(version, ownerKind, ownerId, container, calendarGroupId, calendarId,
                        null));
            }
            String eventId = keyOfNext("events");
            if (eventId == null) {
                return Optional.empty();
            }
            return Optional.of(new EventPath(version, ownerKind, ownerId, container, calendarGroupId, calendarId,
                    eventId));
        }

        /** The events collection, the event itself, or a path into its attachments. */
        private Optional<GraphResource> below(EventPath event) {
            if (event.eventId() == null) {
                return Optional.of(new EventsCollection(event));
            }
            if (!hasNext()) {
                return Optional.of(new EventItem(event));
            }
            if (!peek().is("attachments")) {
                return Optional.empty();
            }
            Segment attachments = take();
            String attachmentId = attachments.key() != null ? checked(attachments.key()) : null;
            List<String> tail = new ArrayList<>();
            while (hasNext()) {
                String text = take().text();
                // "$value", "$count" and action names are not ids.
                if (attachmentId == null && tail.isEmpty() && !text.startsWith("$")
                        && !text.equalsIgnoreCase("createUploadSession")
                        && !text.equalsIgnoreCase("microsoft.graph.createUploadSession")) {
                    attachmentId = checked(text);
                } else {
                    tail.add(text);
                }
            }
            return Optional.of(new AttachmentsPath(event, attachmentId, List.copyOf(tail)));
        }

        /** The key of {@code segment}: in its parentheses, or the next segment. */
        private String key(Segment segment) {
            if (segment.key() != null) {
                return checked(segment.key());
            }
            return hasNext() ? checked(take().text()) : null;
        }

        private String keyOfNext(String name) {
            if (!hasNext() || !peek().is(name)) {
                return null;
            }
            return key(take());
        }

        private boolean hasNext() {
            return next < segments.size();
        }

        private Segment peek() {
            return segments.get(next);
        }

        private Segment take() {
            return segments.get(next++);
        }
    }

    /** An id as given, or {@code ErrorInvalidIdMalformed}. */
    static String checked(String id) {
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH || id.isBlank()) {
            throw GraphException.malformedId();
        }
        for (int i = 0; i < id.length(); i++) {
            if (Character.isISOControl(id.charAt(i))) {
                throw GraphException.malformedId();
            }
        }
        return id;
    }
}
