package dev.attache.processor.rules;

import java.util.Optional;
import java.util.Set;

import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.schemas.attachment.AttachmentInput;
import dev.attache.schemas.attachment.Principal;
import dev.attache.schemas.attachment.Route;
import dev.attache.schemas.session.UploadSession;

/**
 * Whether a command is one this build can judge at all: version 1, a known type, with the parts the schema requires
 * for that type. Anything else is a producer bug or a newer schema, never the client's fault.
 */
final class CommandShape {

    private static final Set<String> TYPES = Set.of(AttachmentCommand.TYPE_ADD,
            AttachmentCommand.TYPE_DELETE_ATTACHMENT, AttachmentCommand.TYPE_CREATE_EVENT,
            AttachmentCommand.TYPE_DELETE_EVENT, AttachmentCommand.TYPE_OPEN_UPLOAD_SESSION,
            AttachmentCommand.TYPE_APPEND_SLICE, AttachmentCommand.TYPE_CANCEL_UPLOAD_SESSION);
    private static final Set<String> API_VERSIONS = Set.of("v1.0", "beta");
    private static final Set<String> OWNER_KINDS = Set.of(AccessRules.ME, AccessRules.USER, AccessRules.GROUP);
    private static final Set<String> PRINCIPAL_KINDS = Set.of(Principal.DELEGATED, Principal.APP);
    private static final Set<String> PAYLOADS = Set.of(AttachmentInput.PAYLOAD_CONTENT_BYTES,
            AttachmentInput.PAYLOAD_ITEM, AttachmentInput.PAYLOAD_NONE);

    private CommandShape() {
    }

    /** Why {@code command} cannot be judged, or empty when it can. */
    static Optional<String> defect(AttachmentCommand command) {
        if (command.schemaVersion() != AttachmentCommand.SCHEMA_VERSION) {
            return Optional.of("schemaVersion " + command.schemaVersion() + " is not supported");
        }
        if (!known(TYPES, command.type())) {
            return Optional.of("command type '" + command.type() + "' is not supported");
        }
        Optional<String> target = targetDefect(command.tenantId(), command.eventId(), command.route(),
                command.principal());
        if (target.isPresent()) {
            return target;
        }
        Optional<String> idempotency = IdempotencyRules.defect(command.idempotency());
        if (idempotency.isPresent()) {
            return idempotency;
        }
        return switch (command.type()) {
            case AttachmentCommand.TYPE_ADD -> addDefect(command);
            case AttachmentCommand.TYPE_DELETE_ATTACHMENT -> deleteAttachmentDefect(command);
            case AttachmentCommand.TYPE_CREATE_EVENT -> command.event() == null
                    ? Optional.of("event is required")
                    : Optional.empty();
            case AttachmentCommand.TYPE_OPEN_UPLOAD_SESSION -> openDefect(command);
            case AttachmentCommand.TYPE_APPEND_SLICE, AttachmentCommand.TYPE_CANCEL_UPLOAD_SESSION ->
                    blank(command.attachmentId()) || command.upload() == null || blank(command.upload().sessionId())
                            ? Optional.of("attachmentId and upload with a sessionId are required")
                            : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** An open names its session whole: who, where, which attachment, which S3 upload. */
    private static Optional<String> openDefect(AttachmentCommand command) {
        UploadSession opened = command.upload() == null ? null : command.upload().opened();
        if (blank(command.attachmentId()) || opened == null || blank(opened.sessionId())
                || blank(opened.uploadId()) || blank(opened.bucket()) || blank(opened.objectKey())
                || blank(opened.expiresAt()) || opened.principal() == null) {
            return Optional.of("open-upload-session needs the session it opens, whole");
        }
        boolean consistent = opened.sessionId().equals(command.upload().sessionId())
                && command.attachmentId().equals(opened.attachmentId())
                && command.tenantId().equals(opened.tenantId()) && command.eventId().equals(opened.eventId())
                && command.principal().objectId().equals(opened.principal().objectId());
        return consistent ? Optional.empty()
                : Optional.of("open-upload-session names another tenant, event, caller or attachment than its command");
    }

    /**
     * Why the access rules could not judge this tenant, event, route and principal (what every command, event lookup
     * and attachment query carries), or empty when they can.
     */
    static Optional<String> targetDefect(String tenantId, String eventId, Route route, Principal principal) {
        if (blank(tenantId) || blank(eventId)) {
            return Optional.of("tenantId and eventId are required");
        }
        Optional<String> routeDefect = routeDefect(route);
        if (routeDefect.isPresent()) {
            return routeDefect;
        }
        if (principal == null || !known(PRINCIPAL_KINDS, principal.kind()) || blank(principal.objectId())) {
            return Optional.of("principal with kind delegated or app and an objectId is required");
        }
        return Optional.empty();
    }

    private static Optional<String> routeDefect(Route route) {
        if (route == null || !known(API_VERSIONS, route.apiVersion())) {
            return Optional.of("route with apiVersion v1.0 or beta is required");
        }
        if (!known(OWNER_KINDS, route.ownerKind()) || blank(route.ownerId())) {
            return Optional.of("route with ownerKind me, user or group and an ownerId is required");
        }
        boolean calendarNeeded = false;
        boolean groupNeeded = false;
        switch (route.container() == null ? "" : route.container()) {
            case "events", "calendar" -> { }
            case "calendars", "calendargroup" -> calendarNeeded = true;
            case "calendarGroups" -> {
                calendarNeeded = true;
                groupNeeded = true;
            }
            default -> {
                return Optional.of("route container '" + route.container() + "' is not supported");
            }
        }
        if (calendarNeeded && blank(route.calendarId()) || groupNeeded && blank(route.calendarGroupId())) {
            return Optional.of("route container '" + route.container() + "' needs its calendar (group) ids");
        }
        return Optional.empty();
    }

    private static Optional<String> addDefect(AttachmentCommand command) {
        if (blank(command.attachmentId())) {
            return Optional.of("attachmentId is required");
        }
        if (command.upload() != null && blank(command.upload().sessionId())) {
            return Optional.of("the add that completes an upload session names it");
        }
        if (command.attachment() == null || !known(PAYLOADS, command.attachment().payload())) {
            return Optional.of("attachment with a known payload is required");
        }
        if (command.object() == null || command.object().length() < 0) {
            return Optional.of("object is required");
        }
        if (command.detectedType() != null && !ContentTypes.isMediaType(command.detectedType())) {
            return Optional.of("detectedType is not a media type");
        }
        return Optional.empty();
    }

    /**
     * A {@code delete-attachment} names the attachment and nothing else: the schema forbids a payload, an object or
     * an event on it. One that carries them is a producer bug, not something to half-apply (its object would be
     * neither the processor's to delete nor anyone's to keep).
     */
    private static Optional<String> deleteAttachmentDefect(AttachmentCommand command) {
        if (blank(command.attachmentId())) {
            return Optional.of("attachmentId is required");
        }
        if (command.attachment() != null || command.object() != null || command.event() != null) {
            return Optional.of("delete-attachment carries no attachment, object or event");
        }
        return Optional.empty();
    }

    /** {@code Set.of(…).contains(null)} throws: a missing value is simply not a known one. */
    private static boolean known(Set<String> values, String value) {
        return value != null && values.contains(value);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
