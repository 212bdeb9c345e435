package dev.attache.ingest.content;

/**
 * A stored item that cannot be turned into content: it is not a JSON object, or its {@code @odata.type} is missing or
 * names something other than an event, message or contact.
 *
 * <p><b>Map it to 500</b> ({@code generalException}), not 400: nothing in the {@code $value} request is wrong. The
 * processor accepts an item attachment only when its item is one of the three types (and ingest-api stores the item
 * as JSON it parsed itself), so reaching this means the stored object and the attachment record disagree.
 *
 * <p>Item <em>contents</em> are not validated at creation, so they never cause this exception: a field of the wrong
 * shape (a number where Graph has an object, a date that does not parse) is left out of the rendering.
 */
public class UnrenderableItemException extends RuntimeException {

    public UnrenderableItemException(String message) {
        super(message);
    }

    public UnrenderableItemException(String message, Throwable cause) {
        super(message, cause);
    }
}
