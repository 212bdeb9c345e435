package dev.attache.processor.rules;

import java.util.ArrayList;
import java.util.List;

import dev.attache.schemas.attachment.AttachmentInput;
import dev.attache.schemas.attachment.ReferenceFields;

/** Which type-specific properties a client sent, named as in Graph's JSON, read back from the command. */
final class SentProperties {

    private SentProperties() {
    }

    /**
     * The properties only some attachment types declare, in a fixed order: the payload
     * ({@code contentBytes} or {@code item}), {@code contentId}, then the beta reference properties.
     */
    static List<String> kindSpecific(AttachmentInput in) {
        List<String> sent = new ArrayList<>();
        if (AttachmentInput.PAYLOAD_CONTENT_BYTES.equals(in.payload())) {
            sent.add("contentBytes");
        }
        if (AttachmentInput.PAYLOAD_ITEM.equals(in.payload()) || in.itemType() != null) {
            sent.add("item");
        }
        addIfSet(sent, "contentId", in.contentId());
        ReferenceFields ref = in.reference();
        if (ref != null) {
            addIfSet(sent, "sourceUrl", ref.sourceUrl());
            addIfSet(sent, "providerType", ref.providerType());
            addIfSet(sent, "permission", ref.permission());
            addIfSet(sent, "isFolder", ref.isFolder());
            addIfSet(sent, "thumbnailUrl", ref.thumbnailUrl());
            addIfSet(sent, "previewUrl", ref.previewUrl());
        }
        return sent;
    }

    private static void addIfSet(List<String> sent, String property, Object value) {
        if (value != null) {
            sent.add(property);
        }
    }
}
