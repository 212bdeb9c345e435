package dev.attache.ingest.body;

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

    /** The first bytes of a file's content, for type detection; null for other payloads. */
    public byte[] head() {
        return AttachmentInput.PAYLOAD_CONTENT_BYTES.equals(input.payload()) ? content.head() : null;
    }
}
