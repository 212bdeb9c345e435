package dev.attache.ingest.body;

import dev.attache.ingest.detection.MediaTypeDetector;
import dev.attache.ingest.spool.SpooledContent;
import dev.attache.schemas.attachment.AttachmentInput;

/**
 * A body read to its end and found well-formed: what the client described and its payload, spooled, not stored yet.
 *
 * @param content the payload (a file's decoded bytes, an item's JSON, or a reference's description); the receiver
 *     releases it
 * @param storedType the media type the payload is stored under
 */
public record ParsedAttachment(AttachmentInput input, SpooledContent content, String storedType) {

    /** The media type of a file's content, detected from its first bytes and name; null for other payloads. */
    public String detectedType() {
        return AttachmentInput.PAYLOAD_CONTENT_BYTES.equals(input.payload())
                ? MediaTypeDetector.detect(content.head(), input.name())
                : null;
    }
}
