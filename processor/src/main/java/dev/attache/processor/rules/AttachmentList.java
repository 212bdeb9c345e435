package dev.attache.processor.rules;

import java.util.List;

import dev.attache.schemas.attachment.AttachmentRecord;

/**
 * The {@code 200} body of an attachment query: {@code {"value":[…]}}, the records as they are on {@code attachments}
 * (written by {@code ContractJson}), in key order.
 */
public record AttachmentList(List<AttachmentRecord> value) {

    public AttachmentList {
        value = List.copyOf(value);
    }
}
