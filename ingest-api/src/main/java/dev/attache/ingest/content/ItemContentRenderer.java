package dev.attache.ingest.content;

import java.io.IOException;
import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.attache.schemas.graph.ODataTypes;

/**
 * Turns an item attachment's stored item into its raw content, as Graph does on
 * {@code GET …/attachments/{id}/$value} (graph-compatibility.md §3.4): an event as iCalendar, a contact as vCard, a
 * message as RFC 822 MIME. The kind comes from the item's own {@code @odata.type}.
 *
 * <p>Pure and deterministic: no I/O beyond the class path, no clock, no host name; the same item and
 * {@code lastModifiedDateTime} give the same bytes (the attachment's {@code lastModifiedDateTime} stands in for "now"
 * where a format wants a time stamp: DTSTAMP, a message without {@code sentDateTime}). Thread-safe. Items are small
 * (Graph caps an attachment at 3 MB), so the item and the result are held in memory.
 *
 * <p>Item contents are read leniently (see {@link GraphJson}): a missing or ill-shaped field is left out, never an
 * error. The only failure is {@link UnrenderableItemException}, for an item that is not a JSON object or not one of
 * the three types — to be answered with 500, since the processor admits nothing else.
 */
public final class ItemContentRenderer {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * The raw content of {@code itemJson}; {@code lastModifiedDateTime} as in the attachment, e.g.
     * {@code 2016-12-01T22:27:13Z}.
     *
     * @throws IllegalArgumentException if {@code lastModifiedDateTime} is not a date-time (a bug of the caller)
     */
    public ItemContent render(byte[] itemJson, String lastModifiedDateTime) {
        Instant lastModified = GraphJson.instant(lastModifiedDateTime).orElseThrow(() -> new IllegalArgumentException(
                "lastModifiedDateTime is not an ISO-8601 date-time: " + lastModifiedDateTime));
        return render(itemJson, lastModified);
    }

    /** The raw content of {@code itemJson}, with the attachment's last modification time. */
    public ItemContent render(byte[] itemJson, Instant lastModified) {
        Objects.requireNonNull(itemJson, "itemJson");
        Objects.requireNonNull(lastModified, "lastModified");
        JsonNode item = parse(itemJson);
        ItemKind kind = kind(item);
        byte[] bytes = switch (kind) {
            case EVENT -> EventToICalendar.render(item, itemJson, lastModified);
            case CONTACT -> ContactToVCard.render(item);
            case MESSAGE -> MessageToMime.render(item, lastModified);
        };
        return new ItemContent(kind.contentType(), bytes);
    }

    /** The kind of the stored item, from its {@code @odata.type}. */
    public ItemKind kind(byte[] itemJson) {
        return kind(parse(Objects.requireNonNull(itemJson, "itemJson")));
    }

    private static JsonNode parse(byte[] itemJson) {
        JsonNode item;
        try {
            item = JSON.readTree(itemJson);
        } catch (JsonProcessingException e) {
            throw new UnrenderableItemException("The stored item is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UnrenderableItemException("The stored item could not be read", e);
        }
        if (item == null || !item.isObject()) {
            throw new UnrenderableItemException("The stored item is not a JSON object.");
        }
        return item;
    }

    private static ItemKind kind(JsonNode item) {
        String odataType = GraphJson.text(item, "@odata.type").orElse(null);
        if (odataType == null) {
            throw new UnrenderableItemException("The stored item has no \"@odata.type\"; expected " + CHOICES + ".");
        }
        return ItemKind.of(odataType).orElseThrow(() -> new UnrenderableItemException("The stored item's type '"
                + odataType + "' has no raw content; expected " + CHOICES + "."));
    }

    private static final String CHOICES = "\"" + ODataTypes.EVENT + "\", \"" + ODataTypes.MESSAGE + "\" or \""
            + ODataTypes.CONTACT + "\"";
}
