package dev.attache.ingest.body;

import dev.attache.ingest.upload.SpooledContent;
import dev.attache.schemas.attachment.AttachmentInput;
import dev.attache.schemas.attachment.ObjectRef;

/**
 * A body read to its end: what the client described and the stored object.
 *
 * @param head    the first bytes of a file's content, for type detection; null for other payloads
 * @param content the stored bytes, still on local disk for the echo; the receiver releases it
 */
public record ParsedAttachment(AttachmentInput input, ObjectRef object, byte[] head, SpooledContent content) {
}
