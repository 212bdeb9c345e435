package dev.attache.processor.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

import dev.attache.processor.audit.AuditEntries;
import dev.attache.processor.audit.AuditSettings;
import dev.attache.processor.rules.AccessRules;
import dev.attache.processor.rules.AccessRules.Mode;
import dev.attache.processor.rules.AttachmentRules;
import dev.attache.processor.rules.Decision;
import dev.attache.processor.rules.EventDecision;
import dev.attache.processor.rules.EventRules;
import dev.attache.processor.rules.GraphErrors;
import dev.attache.processor.rules.IdempotencyRules;
import dev.attache.processor.rules.IdempotencyRules.Verdict;
import dev.attache.processor.topology.CommandOutcomes.Outcome;
import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.schemas.attachment.AttachmentRecord;
import dev.attache.schemas.attachment.AttachmentReply;
import dev.attache.schemas.attachment.ObjectDeletion;
import dev.attache.schemas.attachment.ReplyError;
import dev.attache.schemas.event.CalendarEvent;
import dev.attache.schemas.kafka.AttachmentKeys;

/**
 * Applies the rules to each command and wires their outcome: store and publish what they made, let go of the
 * payloads they refused or deleted (deletion requests), answer the requester. It decides nothing itself. Output values are a record or tombstone (to
 * {@code attachments}), an event or tombstone (to {@code calendar-events}) or an {@link AddressedReply} (to the
 * replies sink), hence {@code Object}.
 */
final class CommandProcessor implements Processor<String, AttachmentCommand, String, Object> {

    private static final Logger LOG = Logger.getLogger(CommandProcessor.class);
    private static final Duration FORGET_EVERY = Duration.ofMinutes(10);
    private static final Duration EXPIRE_SESSIONS_EVERY = Duration.ofMinutes(1);

    private final Pattern replyTopics;
    private final CommandOutcomes outcomes;
    private final AuditSettings auditSettings;

    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, AttachmentRecord> attachments;
    private KeyValueStore<String, CalendarEvent> events;
    private StoreRegistry registry;
    private AttachmentCascade cascade;
    private DeletionRequests deletions;
    private RememberedCreates remembered;
    private UploadSessionCommands sessions;
    private AuditTrail audit;

    CommandProcessor(Pattern replyTopics, CommandOutcomes outcomes, AuditSettings auditSettings) {
        this.replyTopics = replyTopics;
        this.outcomes = outcomes;
        this.auditSettings = auditSettings;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.attachments = context.getStateStore(AttachmentTopology.ATTACHMENTS_STORE);
        this.events = context.getStateStore(AttachmentTopology.EVENTS_STORE);
        this.registry = new StoreRegistry(context.getStateStore(AttachmentTopology.SHARES_STORE),
                context.getStateStore(AttachmentTopology.MEMBERSHIPS_STORE),
                context.getStateStore(AttachmentTopology.DIRECTORY_STORE), StoreRegistry.LATEST);
        this.cascade = new AttachmentCascade(context);
        this.deletions = new DeletionRequests(context);
        this.remembered = new RememberedCreates(context.getStateStore(AttachmentTopology.IDEMPOTENCY_STORE));
        context.schedule(FORGET_EVERY, PunctuationType.STREAM_TIME, remembered::forgetExpired);
        this.audit = new AuditTrail(context, auditSettings);
        if (auditSettings.signs()) {
            context.schedule(auditSettings.checkpointInterval(), PunctuationType.WALL_CLOCK_TIME,
                    audit::checkpointIfWaiting);
        }
        this.sessions = new UploadSessionCommands(context, context.getStateStore(AttachmentTopology.SESSIONS_STORE),
                deletions, outcomes);
        context.schedule(EXPIRE_SESSIONS_EVERY, PunctuationType.STREAM_TIME, sessions::expire);
    }

    @Override
    public void process(Record<String, AttachmentCommand> command) {
        if (command.value() == null) {
            // commands are never deleted; a tombstone here is a stray write with nothing to judge
            LOG.warnf("Skipping a command without a value (key %s)", command.key());
            return;
        }
        AttachmentReply reply = handle(command.value(), command.timestamp());
        audit.append(command.key(), AuditEntries.decided(command.value(), reply, command.timestamp(),
                audit.source()), command.timestamp());
        ReplyRoute.of(command.headers(), replyTopics).ifPresent(route -> context.forward(
                new Record<>(command.key(), new AddressedReply(route, reply), command.timestamp(),
                        route.replyHeaders()),
                AttachmentTopology.REPLIES_SINK));
    }

    private AttachmentReply handle(AttachmentCommand command, long appendTime) {
        Optional<String> defect = AttachmentRules.defect(command);
        if (defect.isPresent()) {
            return unprocessable(command, defect.get());
        }
        return switch (command.type()) {
            case AttachmentCommand.TYPE_DELETE_ATTACHMENT -> deleteAttachment(command, appendTime);
            case AttachmentCommand.TYPE_CREATE_EVENT -> createEvent(command, appendTime);
            case AttachmentCommand.TYPE_DELETE_EVENT -> deleteEvent(command, appendTime);
            case AttachmentCommand.TYPE_OPEN_UPLOAD_SESSION -> openUploadSession(command, appendTime);
            case AttachmentCommand.TYPE_APPEND_SLICE -> sessions.append(command, appendTime);
            case AttachmentCommand.TYPE_CANCEL_UPLOAD_SESSION -> sessions.cancel(command, appendTime);
            default -> addAttachment(command, appendTime);
        };
    }

    private AttachmentReply addAttachment(AttachmentCommand command, long appendTime) {
        String key = AttachmentKeys.attachmentKey(command.tenantId(), command.eventId(), command.attachmentId());
        // Checked before deciding: a duplicate is answered with what was stored, and its object (the stored
        // attachment's content) is never discarded, even by a build whose rules would now refuse it.
        AttachmentRecord stored = attachments.get(key);
        if (stored != null) {
            outcomes.count(Outcome.DUPLICATE);
            return AttachmentReply.created(stored);
        }
        AccessRules.Verdict access = AccessRules.check(command.tenantId(), command.principal(), command.route(),
                events.get(AttachmentKeys.eventKey(command.tenantId(), command.eventId())), registry.at(appendTime),
                Mode.WRITE);
        if (access != AccessRules.Verdict.ALLOWED) {
            if (command.upload() != null) {
                sessions.completed(command, false, appendTime); // the last slice of a session: it ends here
            }
            return reject(command, access.error(), appendTime);
        }
        if (command.upload() != null) {
            // the last slice of an upload session: taken in order, or nothing of it counts
            Optional<AttachmentReply> refused = sessions.completionRefusal(command, appendTime);
            if (refused.isPresent()) {
                deletions.request(command.tenantId(), command.attachmentId(), command.object(),
                        ObjectDeletion.REJECTED, appendTime);
                return refused.get();
            }
        }
        Verdict seen = remembered.check(command, appendTime);
        if (seen instanceof Verdict.Replay replay) {
            // the first request's outcome stands; this copy of the same bytes goes
            deletions.request(command.tenantId(), command.attachmentId(), command.object(), ObjectDeletion.REPEATED,
                    appendTime);
            outcomes.count(Outcome.DUPLICATE);
            return replay.reply();
        }
        if (seen instanceof Verdict.Refused refused) {
            return reject(command, refused.error(), appendTime);
        }
        Decision decision = AttachmentRules.decide(command, Instant.ofEpochMilli(appendTime));
        if (command.upload() != null && !(decision instanceof Decision.Unprocessable)) {
            sessions.completed(command, decision instanceof Decision.Accepted, appendTime);
        }
        if (decision instanceof Decision.Accepted accepted) {
            attachments.put(key, accepted.record());
            // a fresh record: no command header (REPLY_TOPIC…) is carried into the published attachment
            context.forward(new Record<>(key, accepted.record(), appendTime), AttachmentTopology.ATTACHMENTS_SINK);
            outcomes.count(Outcome.CREATED);
            AttachmentReply reply = AttachmentReply.created(accepted.record());
            remembered.remember(command, appendTime, reply);
            return reply;
        }
        if (decision instanceof Decision.Rejected rejected) {
            return reject(command, rejected.error(), appendTime);
        }
        return unprocessable(command, ((Decision.Unprocessable) decision).reason());
    }

    /**
     * Access first, as for {@code add}; then the session, remembered for its {@code Idempotency-Key} like a create
     * (a repeat is answered with the first session, and its own multipart upload goes).
     */
    private AttachmentReply openUploadSession(AttachmentCommand command, long appendTime) {
        AccessRules.Verdict access = AccessRules.check(command.tenantId(), command.principal(), command.route(),
                events.get(AttachmentKeys.eventKey(command.tenantId(), command.eventId())), registry.at(appendTime),
                Mode.WRITE);
        if (access != AccessRules.Verdict.ALLOWED) {
            return sessions.refuseOpen(command, access.error(), appendTime);
        }
        Verdict seen = remembered.check(command, appendTime);
        if (seen instanceof Verdict.Replay replay) {
            sessions.discardOpen(command, appendTime);
            outcomes.count(Outcome.DUPLICATE);
            return replay.reply();
        }
        if (seen instanceof Verdict.Refused refused) {
            return sessions.refuseOpen(command, refused.error(), appendTime);
        }
        AttachmentReply reply = sessions.open(command, appendTime);
        if (reply.isCreated()) {
            remembered.remember(command, appendTime, reply);
        }
        return reply;
    }

    /** The processor owns an appended command's object: refusing the attachment lets it go. */
    private AttachmentReply reject(AttachmentCommand command, ReplyError error, long appendTime) {
        deletions.request(command.tenantId(), command.attachmentId(), command.object(), ObjectDeletion.REJECTED,
                appendTime);
        outcomes.count(Outcome.REJECTED);
        return AttachmentReply.rejected(command.attachmentId(), error);
    }

    /**
     * Access first, as for {@code add} (so a principal who may not write there cannot learn which attachment ids
     * exist), then the attachment. Once deleted it is absent: a redelivered delete answers {@code 404}, as Graph does,
     * and changes nothing. The command has no object of its own; the deleted record's object is discarded.
     */
    private AttachmentReply deleteAttachment(AttachmentCommand command, long appendTime) {
        AccessRules.Verdict access = AccessRules.check(command.tenantId(), command.principal(), command.route(),
                events.get(AttachmentKeys.eventKey(command.tenantId(), command.eventId())), registry.at(appendTime),
                Mode.WRITE);
        if (access != AccessRules.Verdict.ALLOWED) {
            outcomes.count(Outcome.REJECTED);
            return AttachmentReply.rejected(command.attachmentId(), access.error());
        }
        String key = AttachmentKeys.attachmentKey(command.tenantId(), command.eventId(), command.attachmentId());
        AttachmentRecord stored = attachments.get(key);
        if (stored == null) {
            outcomes.count(Outcome.REJECTED);
            return AttachmentReply.rejected(command.attachmentId(), GraphErrors.ITEM_NOT_FOUND);
        }
        attachments.delete(key);
        context.forward(new Record<>(key, null, appendTime), AttachmentTopology.ATTACHMENTS_SINK);
        // the object goes once this transaction committed: reads stop finding the record before that
        deletions.request(stored.tenantId(), stored.attachmentId(), stored.object(), ObjectDeletion.ATTACHMENT_DELETED,
                appendTime);
        outcomes.count(Outcome.DELETED);
        return AttachmentReply.attachmentDeleted(stored);
    }

    private AttachmentReply createEvent(AttachmentCommand command, long appendTime) {
        String key = AttachmentKeys.eventKey(command.tenantId(), command.eventId());
        // Decided first, as if new: it is pure, and a caller who may no longer create there gets no replay either.
        EventDecision decision = EventRules.create(command, Instant.ofEpochMilli(appendTime),
                registry.at(appendTime));
        if (decision instanceof EventDecision.Rejected rejected) {
            outcomes.count(Outcome.REJECTED);
            return AttachmentReply.rejected(null, rejected.error());
        }
        // An event's id names its Idempotency-Key when it has one (the front derives it), so a repeat lands here too.
        Verdict seen = remembered.check(command, appendTime);
        if (seen instanceof Verdict.Replay replay) {
            outcomes.count(Outcome.DUPLICATE);
            return replay.reply();
        }
        if (seen instanceof Verdict.Refused refused) {
            outcomes.count(Outcome.REJECTED);
            return AttachmentReply.rejected(null, refused.error());
        }
        CalendarEvent existing = events.get(key);
        if (existing != null) {
            if (command.idempotency() != null && command.idempotency().key() != null) {
                // its key is forgotten, but the id it names is taken: a key must not name two requests
                outcomes.count(Outcome.REJECTED);
                return AttachmentReply.rejected(null, IdempotencyRules.KEY_REUSED);
            }
            // the id is generated per request: an existing one means this command was already applied
            outcomes.count(Outcome.DUPLICATE);
            return AttachmentReply.eventCreated(existing);
        }
        CalendarEvent created = ((EventDecision.Created) decision).event();
        events.put(key, created);
        context.forward(new Record<>(key, created, appendTime, OwnWrites.headers()), AttachmentTopology.EVENTS_SINK);
        outcomes.count(Outcome.CREATED);
        AttachmentReply reply = AttachmentReply.eventCreated(created);
        remembered.remember(command, appendTime, reply);
        return reply;
    }

    private AttachmentReply deleteEvent(AttachmentCommand command, long appendTime) {
        String key = AttachmentKeys.eventKey(command.tenantId(), command.eventId());
        CalendarEvent event = events.get(key);
        AccessRules.Verdict access = AccessRules.check(command.tenantId(), command.principal(), command.route(), event,
                registry.at(appendTime), Mode.WRITE);
        if (access != AccessRules.Verdict.ALLOWED) {
            outcomes.count(Outcome.REJECTED);
            return AttachmentReply.rejected(null, access.error());
        }
        events.delete(key);
        context.forward(new Record<>(key, null, appendTime, OwnWrites.headers()), AttachmentTopology.EVENTS_SINK);
        cascade.deleteAttachmentsOf(key, appendTime);
        outcomes.count(Outcome.DELETED);
        return AttachmentReply.eventDeleted(event);
    }

    private AttachmentReply unprocessable(AttachmentCommand command, String reason) {
        LOG.errorf("Cannot process %s command for event %s (attachment %s) at %s/%s offset %d: %s; nothing was "
                + "changed and any object is kept", command.type(), command.eventId(), command.attachmentId(),
                context.recordMetadata().map(m -> m.topic()).orElse("?"),
                context.recordMetadata().map(m -> m.partition()).orElse(-1),
                context.recordMetadata().map(m -> m.offset()).orElse(-1L), reason);
        outcomes.count(Outcome.UNPROCESSABLE);
        boolean onEvent = AttachmentCommand.TYPE_CREATE_EVENT.equals(command.type())
                || AttachmentCommand.TYPE_DELETE_EVENT.equals(command.type());
        // the requester matches the answer by correlation id; the attachment id (none on event commands) informs
        return AttachmentReply.rejected(command.attachmentId(),
                onEvent ? GraphErrors.unprocessableEvent() : GraphErrors.unprocessable());
    }
}
