package dev.attache.ingest.content;

import java.util.Objects;

/**
 * The raw content of an item attachment: what {@code GET …/attachments/{id}/$value} answers, with the value of its
 * {@code Content-Type} header. The array is handed over, not copied.
 */
public record ItemContent(String contentType, byte[] bytes) {

    public ItemContent {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(bytes, "bytes");
    }

    /** The value of {@code Content-Length}. */
    public int length() {
        return bytes.length;
    }

    @Override
    public String toString() {
        return "ItemContent[contentType=" + contentType + ", " + bytes.length + " bytes]";
    }
}
