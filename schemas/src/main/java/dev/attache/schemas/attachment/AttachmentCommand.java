package dev.attache.schemas.attachment;

import dev.attache.schemas.event.EventInput;

/**
 * A command on the {@code attachment-commands} topic (schema {@code attachment-command.v1.json}). Small by design:
 * metadata, the object reference and at most {@link #HEAD_BYTES} bytes of content for type sniffing. Commands on an
 * event's attachments and on the event itself share the topic and the key, so they are processed in order.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param type {@link #TYPE_ADD}, {@link #TYPE_DELETE_ATTACHMENT}, {@link #TYPE_CREATE_EVENT} or
 *     {@link #TYPE_DELETE_EVENT}
 * @param attachmentId for {@code add}: the id the front generated (at least 128 random bits), also the object's name;
 *     for {@code delete-attachment}: the attachment to delete
 * @param tenantId the token's {@code tid}
 * @param eventId the event id from the path, percent-decoded; for {@code create-event} the id the front generated
 * @param route where the client addressed the event
 * @param principal who asked
 * @param attachment what the client sent
 * @param object where the payload is stored
 * @param head base64 of the first bytes of a file's content, or null
 * @param event for {@code create-event}: the event as posted
 */
public record AttachmentCommand(int schemaVersion, String type, String attachmentId, String tenantId, String eventId,
        Route route, Principal principal, AttachmentInput attachment, ObjectRef object, String head,
        EventInput event) {

    public static final int SCHEMA_VERSION = 1;
    public static final String TYPE_ADD = "add";
    public static final String TYPE_DELETE_ATTACHMENT = "delete-attachment";
    public static final String TYPE_CREATE_EVENT = "create-event";
    public static final String TYPE_DELETE_EVENT = "delete-event";
    /** How much of a file's content the command carries for type detection. */
    public static final int HEAD_BYTES = 4096;
}
