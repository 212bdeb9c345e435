package dev.attache.processor.rules;

import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.schemas.attachment.AttachmentInput;

/**
 * Whether a command is one this build can judge at all: version 1, an {@code add}, with the parts the schema
 * requires. Anything else is a producer bug or a newer schema, never the client's fault.
 */
final class CommandShape {

    private static final Set<String> API_VERSIONS = Set.of("v1.0", "beta");
    private static final Set<String> PAYLOADS = Set.of(AttachmentInput.PAYLOAD_CONTENT_BYTES,
            AttachmentInput.PAYLOAD_ITEM, AttachmentInput.PAYLOAD_NONE);

    private CommandShape() {
    }

    /** Why {@code command} cannot be judged, or empty when it can. */
    static Optional<String> defect(AttachmentCommand command) {
        if (command.schemaVersion() != AttachmentCommand.SCHEMA_VERSION) {
            return Optional.of("schemaVersion " + command.schemaVersion() + " is not supported");
        }
        if (!AttachmentCommand.TYPE_ADD.equals(command.type())) {
            return Optional.of("command type '" + command.type() + "' is not supported");
        }
        if (blank(command.attachmentId()) || blank(command.tenantId()) || blank(command.eventId())) {
            return Optional.of("attachmentId, tenantId and eventId are required");
        }
        if (command.route() == null || !API_VERSIONS.contains(command.route().apiVersion())) {
            return Optional.of("route with apiVersion v1.0 or beta is required");
        }
        if (command.attachment() == null || !PAYLOADS.contains(command.attachment().payload())) {
            return Optional.of("attachment with a known payload is required");
        }
        if (command.object() == null || command.object().length() < 0) {
            return Optional.of("object is required");
        }
        if (command.head() != null && !isBase64(command.head())) {
            return Optional.of("head is not base64");
        }
        return Optional.empty();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean isBase64(String value) {
        try {
            Base64.getDecoder().decode(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
