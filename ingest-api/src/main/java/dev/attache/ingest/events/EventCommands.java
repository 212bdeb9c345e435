package dev.attache.ingest.events;

import java.io.InputStream;

import jakarta.enterprise.context.ApplicationScoped;

import dev.attache.ingest.auth.Caller;
import dev.attache.ingest.body.EventBodyParser;
import dev.attache.ingest.command.CommandGateway;
import dev.attache.ingest.command.CommandIds;
import dev.attache.ingest.command.Origins;
import dev.attache.ingest.idempotency.Fingerprints;
import dev.attache.ingest.idempotency.IdempotencySettings;
import dev.attache.ingest.idempotency.RepeatMarks;
import dev.attache.ingest.route.EventPath;
import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.schemas.attachment.Trace;
import dev.attache.schemas.attachment.Route;
import dev.attache.schemas.event.CalendarEvent;
import dev.attache.schemas.event.EventInput;

/**
 * Creates and deletes events through the pipeline: a command on the same topic and key as the event's attachment
 * commands, decided by the processor against the registry, answered once committed.
 */
@ApplicationScoped
public class EventCommands {

    private final EventBodyParser parser;
    private final CommandGateway gateway;
    private final IdempotencySettings idempotency;

    EventCommands(EventBodyParser parser, CommandGateway gateway, IdempotencySettings idempotency) {
        this.parser = parser;
        this.gateway = gateway;
        this.idempotency = idempotency;
    }

    /**
     * The outcome for the client: the committed event, or the id of an event whose command is in the log but whose
     * reply was late (answered 202: a retryable status would make a retry create a second event).
     */
    public sealed interface Result {
        /** @param replayed whether this is the outcome of the same request, given again */
        record Done(CalendarEvent event, boolean replayed) implements Result {
        }

        record Pending(String eventId) implements Result {
        }
    }

    /**
     * Registers a new event in the calendar {@code collection} names. With an {@code Idempotency-Key} the event's id
     * derives from the key, so a repeat of the request reaches the partition where the processor remembers it.
     */
    public Result create(Caller caller, EventPath collection, InputStream body, RepeatMarks marks,
            Trace trace) {
        EventInput input = parser.parse(body);
        Route calendar = collection.toRoute(caller.objectId());
        String eventId = marks.key() == null ? CommandIds.next()
                : Fingerprints.eventId(caller.tenantId(), caller.objectId(), calendar, marks.key());
        EventPath event = new EventPath(collection.apiVersion(), collection.ownerKind(), collection.ownerId(),
                collection.container(), collection.calendarGroupId(), collection.calendarId(), eventId);
        return send(AttachmentCommand.createEvent(Origins.of(caller, event), input)
                .withIdempotency(idempotency.idempotency(marks, Fingerprints.event(calendar, input))).withTrace(trace));
    }

    /** Deletes an event and, in the processor, its attachments and their objects. */
    public Result delete(Caller caller, EventPath event, Trace trace) {
        return send(AttachmentCommand.deleteEvent(Origins.of(caller, event)).withTrace(trace));
    }

    private Result send(AttachmentCommand command) {
        return gateway.submit(command).<Result>map(reply -> new Result.Done(reply.event(), reply.isReplay()))
                .orElseGet(() -> new Result.Pending(command.eventId()));
    }
}
