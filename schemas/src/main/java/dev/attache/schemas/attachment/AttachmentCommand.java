package dev.attache.schemas.attachment;

/**
 * A command on the {@code attachment-commands} topic (schema {@code attachment-command.v1.json}). Small by design:
 * metadata, the object reference and at most {@link #HEAD_BYTES} bytes of content for type sniffing.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param type {@link #TYPE_ADD}
 * @param attachmentId the id the front generated (at least 128 random bits), also the object's name
 * @param tenantId the token's {@code tid}
 * @param eventId the event id from the path, percent-decoded
 * @param route where the client addressed the event
 * @param principal who asked
 * @param attachment what the client sent
 * @param object where the payload is stored
 * @param head base64 of the first bytes of a file's content, or null
 */
public record AttachmentCommand(int schemaVersion, String type, String attachmentId, String tenantId, String eventId,
        Route route, Principal principal, AttachmentInput attachment, ObjectRef object, String head) {

    public static final int SCHEMA_VERSION = 1;
    public static final String TYPE_ADD = "add";
    /** How much of a file's content the command carries for type detection. */
    public static final int HEAD_BYTES = 4096;
}
