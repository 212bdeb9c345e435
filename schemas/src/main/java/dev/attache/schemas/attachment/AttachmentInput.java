package dev.attache.schemas.attachment;

/**
 * The attachment as the client described it, parsed but not yet judged: the processor decides whether it is a valid
 * attachment of its {@code @odata.type}.
 *
 * @param odataType {@code @odata.type} exactly as sent, or null when absent
 * @param name the display name, or null
 * @param contentType the declared MIME type, or null
 * @param isInline the declared flag, or null
 * @param contentId the content id (inline images), or null
 * @param itemType the {@code @odata.type} of {@code item}, as sent, when the body has an {@code item}
 * @param reference the reference properties, when the body has any
 * @param payload which part of the body the stored object holds: {@link #PAYLOAD_CONTENT_BYTES} (the decoded
 *     bytes), {@link #PAYLOAD_ITEM} (the item's JSON) or {@link #PAYLOAD_NONE} (a JSON description of this input)
 */
public record AttachmentInput(String odataType, String name, String contentType, Boolean isInline, String contentId,
        String itemType, ReferenceFields reference, String payload) {

    public static final String PAYLOAD_CONTENT_BYTES = "contentBytes";
    public static final String PAYLOAD_ITEM = "item";
    public static final String PAYLOAD_NONE = "none";
}
