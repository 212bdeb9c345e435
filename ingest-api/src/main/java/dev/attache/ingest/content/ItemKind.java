package dev.attache.ingest.content;

import java.util.Optional;

import dev.attache.schemas.graph.ODataTypes;

/**
 * The Outlook items an item attachment carries, and the media type of each one's raw content
 * (graph-compatibility.md §3.4).
 * Read from {@code @odata.type} with the processor's spelling rules: any case, {@code #} optional, the
 * {@code microsoft.graph.} namespace required.
 */
public enum ItemKind {

    /** iCalendar (RFC 5545). */
    EVENT("event", "text/calendar; charset=utf-8"),
    /** Internet message (RFC 5322 / MIME). */
    MESSAGE("message", "message/rfc822"),
    /** vCard 4.0 (RFC 6350). */
    CONTACT("contact", "text/vcard; charset=utf-8");

    private static final String NAMESPACE = ODataTypes.NAMESPACE;

    private final String localName;
    private final String contentType;

    ItemKind(String localName, String contentType) {
        this.localName = localName;
        this.contentType = contentType;
    }

    /** The {@code Content-Type} of the rendered content. */
    public String contentType() {
        return contentType;
    }

    /** The canonical {@code @odata.type}, e.g. {@code #microsoft.graph.event}. */
    public String odataType() {
        return '#' + NAMESPACE + localName;
    }

    /** The kind {@code odataType} names, e.g. {@code microsoft.graph.Event} or {@code #microsoft.graph.event}. */
    public static Optional<ItemKind> of(String odataType) {
        if (odataType == null) {
            return Optional.empty();
        }
        String name = odataType.trim();
        name = name.startsWith("#") ? name.substring(1) : name;
        if (!name.regionMatches(true, 0, NAMESPACE, 0, NAMESPACE.length())) {
            return Optional.empty();
        }
        String local = name.substring(NAMESPACE.length());
        for (ItemKind kind : values()) {
            if (kind.localName.equalsIgnoreCase(local)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
