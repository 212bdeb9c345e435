package dev.attache.ingest.content;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Lenient reading of an item in Graph's JSON shape. Property names match exactly first, then in any case (the contract
 * asks servers to accept PascalCase input, §1.7). A value of the wrong shape reads as absent, never as an error: the
 * item's contents were not validated when it was stored.
 */
final class GraphJson {

    /** C0 controls but tab and LF, and DEL. */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F]");

    private GraphJson() {
    }

    /** The member {@code name} of {@code object}, or a missing node. */
    static JsonNode field(JsonNode object, String name) {
        if (object == null || !object.isObject()) {
            return MissingNode.getInstance();
        }
        JsonNode exact = object.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            if (member.getKey().equalsIgnoreCase(name)) {
                return member.getValue();
            }
        }
        return MissingNode.getInstance();
    }

    /** The object at {@code path}, or a missing node when any step is absent or not an object. */
    static JsonNode object(JsonNode object, String... path) {
        JsonNode node = object;
        for (String name : path) {
            node = field(node, name);
        }
        return node.isObject() ? node : MissingNode.getInstance();
    }

    /** The text at {@code path}: a string or other scalar, absent when missing, null or blank. */
    static Optional<String> text(JsonNode object, String... path) {
        JsonNode node = object;
        for (String name : path) {
            node = field(node, name);
        }
        return scalarText(node);
    }

    private static Optional<String> scalarText(JsonNode node) {
        if (node == null || !node.isValueNode() || node.isNull()) {
            return Optional.empty();
        }
        String text = node.asText();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    /** Whether {@code name} is {@code true} (or the string "true", in any case). */
    static boolean flag(JsonNode object, String name) {
        JsonNode node = field(object, name);
        return node.isBoolean() ? node.booleanValue() : node.isTextual() && "true".equalsIgnoreCase(node.asText());
    }

    /** The elements of the array {@code name}; empty when absent or not an array. */
    static List<JsonNode> array(JsonNode object, String name) {
        JsonNode node = field(object, name);
        List<JsonNode> elements = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(elements::add);
        }
        return elements;
    }

    /** The non-blank texts in the array {@code name}. */
    static List<String> texts(JsonNode object, String name) {
        List<String> texts = new ArrayList<>();
        for (JsonNode element : array(object, name)) {
            scalarText(element).ifPresent(texts::add);
        }
        return texts;
    }

    /** The value, lower-cased, for comparing Graph enum members (which clients send in any case). */
    static Optional<String> enumValue(JsonNode object, String... path) {
        return text(object, path).map(value -> value.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * A Graph {@code emailAddress} ({@code {"name": …, "address": …}}) found at {@code path}; absent without an
     * address.
     */
    static Optional<Mailbox> mailbox(JsonNode object, String... path) {
        JsonNode emailAddress = object(object, path);
        return text(emailAddress, "address").map(GraphJson::oneLine).filter(address -> !address.isEmpty())
                .map(address -> new Mailbox(text(emailAddress, "name").map(GraphJson::oneLine)
                        .filter(name -> !name.isEmpty()).orElse(null), address));
    }

    /** The {@code emailAddress} of each {@code recipient} in the array {@code name}, in order. */
    static List<Mailbox> recipients(JsonNode object, String name) {
        List<Mailbox> mailboxes = new ArrayList<>();
        for (JsonNode recipient : array(object, name)) {
            mailbox(recipient, "emailAddress").ifPresent(mailboxes::add);
        }
        return mailboxes;
    }

    /**
     * An {@code Edm.DateTimeOffset} such as {@code 2016-12-01T22:27:13Z}; a value without offset is read as UTC,
     * which is how Graph writes its own (e.g. {@code sentDateTime}).
     */
    static Optional<Instant> instant(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.trim();
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeException withoutOffset) {
            try {
                return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
            } catch (DateTimeException unreadable) {
                return Optional.empty();
            }
        }
    }

    /** The body of an item: its content and whether it is HTML ({@code contentType} {@code html}, any case). */
    static Optional<Body> body(JsonNode item) {
        JsonNode body = object(item, "body");
        return text(body, "content").map(content -> new Body(content,
                enumValue(body, "contentType").filter("html"::equals).isPresent()));
    }

    /**
     * {@code text} with its line breaks as LF and without the other control characters (tab aside), which iCalendar
     * and vCard TEXT values cannot carry: ical4j and ez-vcard escape LF as {@code \n} but would write a lone CR or a
     * BEL raw, breaking the content line.
     */
    static String lines(String text) {
        return CONTROL.matcher(text.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
    }

    /** {@code text} on one line: for parameter values (a CN) and mail headers, where a line break would inject. */
    static String oneLine(String text) {
        return lines(text).replace('\n', ' ').replace('\t', ' ').strip();
    }

    /** A mailbox: a display name (may be null) and an address. */
    record Mailbox(String name, String address) {
    }

    /** An {@code itemBody}. */
    record Body(String content, boolean html) {
    }
}
