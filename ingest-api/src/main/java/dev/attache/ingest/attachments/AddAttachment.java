package dev.attache.ingest.attachments;

import java.io.InputStream;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.attache.ingest.auth.Caller;
import dev.attache.ingest.body.AttachmentBodyParser;
import dev.attache.ingest.body.ParsedAttachment;
import dev.attache.ingest.command.CommandGateway;
import dev.attache.ingest.command.CommandIds;
import dev.attache.ingest.command.CommandNotAppendedException;
import dev.attache.ingest.command.CommandOutcome;
import dev.attache.ingest.command.Origins;
import dev.attache.ingest.error.GraphException;
import dev.attache.ingest.idempotency.Fingerprints;
import dev.attache.ingest.idempotency.IdempotencySettings;
import dev.attache.ingest.idempotency.RepeatMarks;
import dev.attache.ingest.route.EventPath;
import dev.attache.ingest.s3.ObjectStore;
import dev.attache.ingest.s3.StoreFailedException;
import dev.attache.ingest.spool.SpooledContent;
import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.schemas.attachment.AttachmentReply;
import dev.attache.schemas.attachment.ObjectRef;
import dev.attache.schemas.attachment.Trace;

/**
 * Adds an attachment: parse the body, store the payload, append the command, wait for the committed decision.
 *
 * <p>Who owns the object: this class, until the command is appended (it deletes the object on any failure before
 * that); the processor, after (it deletes the object of a command it rejects). So the client is told to retry (503)
 * only when nothing was appended, and never after.
 */
@ApplicationScoped
public class AddAttachment {

    private static final Logger LOG = Logger.getLogger(AddAttachment.class);

    private final AttachmentBodyParser parser;
    private final CommandGateway gateway;
    private final ObjectStore store;
    private final IngestMetrics metrics;
    private final UploadFault faults;
    private final IdempotencySettings idempotency;

    AddAttachment(AttachmentBodyParser parser, CommandGateway gateway, ObjectStore store,
            IngestMetrics metrics, UploadFault faults, IdempotencySettings idempotency) {
        this.idempotency = idempotency;
        this.parser = parser;
        this.gateway = gateway;
        this.store = store;
        this.metrics = metrics;
        this.faults = faults;
    }

    /** What the client gets: the committed record, or a pending command when the reply was late. */
    public sealed interface Result {
        /**
         * @param content the stored bytes for the echo; whoever writes the answer releases them
         * @param replayed whether this is the first outcome of the same request, given again
         */
        record Created(dev.attache.schemas.attachment.AttachmentRecord record, SpooledContent content,
                boolean replayed) implements Result {
        }

        record Accepted(AttachmentCommand command) implements Result {
        }
    }

    /** @param marks what recognises a repeat of this request, taken when it arrived */
    public Result add(Caller caller, EventPath event, InputStream body, RepeatMarks marks, Trace trace) {
        String attachmentId = CommandIds.next();
        ParsedAttachment parsed = parser.parse(body);
        boolean handedOver = false;
        try {
            ObjectRef object = store(parsed, caller.tenantId(), attachmentId);
            faults.afterUpload(parsed.input().name());
            Result result = decide(caller, event, attachmentId, parsed, object, marks, trace);
            handedOver = result instanceof Result.Created;
            return result;
        } finally {
            if (!handedOver) {
                parsed.content().close();
            }
        }
    }

    private ObjectRef store(ParsedAttachment parsed, String tenantId, String attachmentId) {
        try {
            return store.put(parsed.content(), tenantId, attachmentId, parsed.storedType());
        } catch (StoreFailedException e) {
            throw GraphException.unavailable("The attachment store is unavailable; nothing was saved. Retry later.",
                    5, e);
        }
    }

    private Result decide(Caller caller, EventPath event, String attachmentId, ParsedAttachment parsed,
            ObjectRef object, RepeatMarks marks, Trace trace) {
        AttachmentCommand.Origin origin = Origins.of(caller, event);
        AttachmentCommand command = AttachmentCommand.add(origin, attachmentId, parsed.input(), object,
                        parsed.detectedType())
                .withIdempotency(idempotency.idempotency(marks,
                        Fingerprints.attachment(origin, parsed.input(), object)))
                .withTrace(trace);

        long started = System.nanoTime();
        CommandOutcome outcome;
        try {
            outcome = gateway.send(command);
        } catch (CommandNotAppendedException e) {
            if (e.maybeAppended()) {
                // Telling the client to retry could make a duplicate; the processor decides if it is in the log, and
                // the orphan sweep removes the object if it is not.
                LOG.warnf("Command %s unacknowledged but maybe in the log (%s): answered as pending, object %s kept",
                        attachmentId, e.getCause(), object.key());
                return new Result.Accepted(command);
            }
            store.delete(object.key());
            LOG.warnf("Command %s not appended: %s", attachmentId, e.getMessage());
            throw e.refusal().orElseGet(() -> GraphException.unavailable(
                    "The attachment log is unavailable; nothing was saved. Retry later.", 5, e));
        }
        metrics.replyLatency(System.nanoTime() - started);
        if (outcome instanceof CommandOutcome.Replied replied) {
            AttachmentReply reply = replied.reply();
            if (!reply.isCreated()) {
                throw new GraphException(reply.error().status(), reply.error().code(), reply.error().message());
            }
            if (!reply.isReplay()) {
                metrics.ingested(reply.attachment());
            }
            return new Result.Created(reply.attachment(), parsed.content(), reply.isReplay());
        }
        LOG.warnf("No reply for command %s in time; it is appended and will be processed", attachmentId);
        return new Result.Accepted(command);
    }
}
