package dev.attache.processor.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.schemas.attachment.AttachmentReply;
import dev.attache.schemas.audit.AuditEntry;
import dev.attache.schemas.audit.AuditEntry.Actor;
import dev.attache.schemas.audit.AuditEntry.Facts;
import dev.attache.schemas.audit.AuditEntry.Source;
import dev.attache.schemas.kafka.ContractJson;

/**
 * What the audit trail says of a decision: pure functions of the input record and its outcome, so a replay writes
 * the same entries byte for byte. Nothing of the content, only what describes it (name, type, size, hash).
 */
public final class AuditEntries {

    /** An action outside the command types the schema knows: a producer bug or a newer schema, refused. */
    public static final String UNKNOWN_ACTION = "unknown";
    private static final Set<String> ACTIONS = Set.of(AttachmentCommand.TYPE_ADD,
            AttachmentCommand.TYPE_DELETE_ATTACHMENT, AttachmentCommand.TYPE_CREATE_EVENT,
            AttachmentCommand.TYPE_DELETE_EVENT, AttachmentCommand.TYPE_OPEN_UPLOAD_SESSION,
            AttachmentCommand.TYPE_APPEND_SLICE, AttachmentCommand.TYPE_CANCEL_UPLOAD_SESSION);

    private AuditEntries() {
    }

    /** The decision on {@code command}, answered {@code reply}, logged at {@code loggedAt}. */
    public static AuditEntry decided(AttachmentCommand command, AttachmentReply reply, long loggedAt,
            Source source) {
        String action = ACTIONS.contains(command.type()) ? command.type() : UNKNOWN_ACTION;
        // an attachment made or removed; a repeat's is the first request's, which this entry did not make
        Facts facts = reply.isReplay() ? null : Facts.of(reply.attachment());
        return new AuditEntry(AuditEntry.SCHEMA_VERSION, action, reply.outcome(), reply.isReplay(),
                command.tenantId(), command.eventId(), command.attachmentId(),
                command.upload() == null ? null : command.upload().sessionId(), Actor.of(command.principal()),
                command.route(), command.trace(), instant(loggedAt), source, reply.error(), facts);
    }

    /** A system of record deleted the event: it and its attachments are gone. */
    public static AuditEntry eventRemoved(String tenantId, String eventId, long loggedAt, Source source) {
        return new AuditEntry(AuditEntry.SCHEMA_VERSION, AuditEntry.EVENT_REMOVED, AttachmentReply.DELETED, false,
                tenantId, eventId, null, null, null, null, null, instant(loggedAt), source, null, null);
    }

    /** The entry's bytes, as written to the topic and hashed as a leaf. */
    public static byte[] bytes(AuditEntry entry) {
        try {
            return ContractJson.MAPPER.writeValueAsBytes(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An audit entry is always serializable", e);
        }
    }

    private static String instant(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
