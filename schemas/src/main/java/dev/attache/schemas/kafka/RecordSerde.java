package dev.attache.schemas.kafka;

import dev.attache.schemas.attachment.AttachmentRecord;

/** {@link JsonSerde} of {@link AttachmentRecord} with a no-argument constructor, for clients configured by class name. */
public final class RecordSerde extends JsonSerde<AttachmentRecord> {

    public RecordSerde() {
        super(AttachmentRecord.class);
    }
}
