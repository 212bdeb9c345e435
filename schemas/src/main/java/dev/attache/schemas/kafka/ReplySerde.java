package dev.attache.schemas.kafka;

import dev.attache.schemas.attachment.AttachmentReply;

/** {@link JsonSerde} of {@link AttachmentReply} with a no-argument constructor, for clients configured by class name. */
public final class ReplySerde extends JsonSerde<AttachmentReply> {

    public ReplySerde() {
        super(AttachmentReply.class);
    }
}
