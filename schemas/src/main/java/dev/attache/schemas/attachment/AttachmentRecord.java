package dev.attache.schemas.attachment;

/**
 * A materialized attachment (schema {@code attachment-record.v1.json}): what the processor computed from one command,
 * and nothing else, so replaying the commands rebuilds the same records byte for byte.
 *
 * @param odataType canonical: {@code #microsoft.graph.fileAttachment}, {@code …itemAttachment} or
 *     {@code …referenceAttachment}
 * @param size bytes of the stored object (see docs/architecture.md, "size")
 * @param lastModifiedDateTime UTC, whole seconds, {@code Z}: the command's log-append time
 * @param itemType for item attachments, canonical {@code #microsoft.graph.event|message|contact}
 * @param reference for reference attachments created through beta, canonical
 */
public record AttachmentRecord(int schemaVersion, String tenantId, String eventId, String attachmentId, Route route,
        String odataType, String name, String contentType, int size, boolean isInline, String lastModifiedDateTime,
        String contentId, String itemType, ReferenceFields reference, ObjectRef object) {

    public static final int SCHEMA_VERSION = 1;
}
