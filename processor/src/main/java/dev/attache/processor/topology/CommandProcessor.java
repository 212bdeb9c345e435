package dev.attache.processor.topology;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

import dev.attache.processor.objects.ObjectDiscarder;
import dev.attache.processor.rules.AttachmentRules;
import dev.attache.processor.rules.Decision;
import dev.attache.processor.rules.GraphErrors;
import dev.attache.processor.topology.CommandOutcomes.Outcome;
import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.schemas.attachment.AttachmentRecord;
import dev.attache.schemas.attachment.AttachmentReply;
import dev.attache.schemas.kafka.AttachmentKeys;

/**
 * Applies the rules to each command and wires their outcome: store and publish an accepted record, discard a
 * rejected payload, answer the requester. It decides nothing itself. Output values are a record (to
 * {@code attachments}) or an {@link AddressedReply} (to the replies sink), hence {@code Object}.
 */
final class CommandProcessor implements Processor<String, AttachmentCommand, String, Object> {

    private static final Logger LOG = Logger.getLogger(CommandProcessor.class);

    private final Pattern replyTopics;
    private final ObjectDiscarder discarder;
    private final CommandOutcomes outcomes;

    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, AttachmentRecord> store;

    CommandProcessor(Pattern replyTopics, ObjectDiscarder discarder, CommandOutcomes outcomes) {
        this.replyTopics = replyTopics;
        this.discarder = discarder;
        this.outcomes = outcomes;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.store = context.getStateStore(AttachmentTopology.ATTACHMENTS_STORE);
    }

    @Override
    public void process(Record<String, AttachmentCommand> command) {
        if (command.value() == null) {
            // commands are never deleted; a tombstone here is a stray write with nothing to judge
            LOG.warnf("Skipping a command without a value (key %s)", command.key());
            return;
        }
        AttachmentReply reply = handle(command.value(), command.timestamp());
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
        String key = AttachmentKeys.attachmentKey(command.tenantId(), command.eventId(), command.attachmentId());
        // Checked before deciding: a duplicate is answered with what was stored, and its object (the stored
        // attachment's content) is never discarded, even by a build whose rules would now refuse it.
        AttachmentRecord stored = store.get(key);
        if (stored != null) {
            outcomes.count(Outcome.DUPLICATE);
            return AttachmentReply.created(stored);
        }
        Decision decision = AttachmentRules.decide(command, Instant.ofEpochMilli(appendTime));
        if (decision instanceof Decision.Accepted accepted) {
            store.put(key, accepted.record());
            // a fresh record: no command header (REPLY_TOPIC…) is carried into the published attachment
            context.forward(new Record<>(key, accepted.record(), appendTime), AttachmentTopology.ATTACHMENTS_SINK);
            outcomes.count(Outcome.CREATED);
            return AttachmentReply.created(accepted.record());
        }
        if (decision instanceof Decision.Rejected rejected) {
            discarder.discard(command.object());
            outcomes.count(Outcome.REJECTED);
            return AttachmentReply.rejected(command.attachmentId(), rejected.error());
        }
        return unprocessable(command, ((Decision.Unprocessable) decision).reason());
    }

    private AttachmentReply unprocessable(AttachmentCommand command, String reason) {
        LOG.errorf("Cannot process command for attachment %s (%s/%s offset %d): %s; its object is kept",
                command.attachmentId(), context.recordMetadata().map(m -> m.topic()).orElse("?"),
                context.recordMetadata().map(m -> m.partition()).orElse(-1),
                context.recordMetadata().map(m -> m.offset()).orElse(-1L), reason);
        outcomes.count(Outcome.UNPROCESSABLE);
        // the reply schema requires an id; a command without one still gets its answer through the correlation id
        String id = command.attachmentId() == null ? "" : command.attachmentId();
        return AttachmentReply.rejected(id, GraphErrors.unprocessable());
    }
}
