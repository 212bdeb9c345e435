package dev.attache.ingest.events;

import java.io.InputStream;

import jakarta.enterprise.context.ApplicationScoped;

import dev.attache.ingest.auth.Caller;
import dev.attache.ingest.body.EventBodyParser;
import dev.attache.ingest.command.CommandGateway;
import dev.attache.ingest.command.CommandIds;
import dev.attache.ingest.command.Origins;
import dev.attache.ingest.route.EventPath;
import dev.attache.schemas.attachment.AttachmentCommand;
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

    EventCommands(EventBodyParser parser, CommandGateway gateway) {
        this.parser = parser;
        this.gateway = gateway;
    }

    /**
     * The outcome for the client: the committed event, or the id of an event whose command is in the log but whose
     * reply was late (answered 202: a retryable status would make a retry create a second event).
     */
    public sealed interface Result {
        record Done(CalendarEvent event) implements Result {
        }

        record Pending(String eventId) implements Result {
        }
    }

    /** Registers a new event in the calendar {@code collection} names. */
    public Result create(Caller caller, EventPath collection, InputStream body) {
        EventInput input = parser.parse(body);
        EventPath event = new EventPath(collection.apiVersion(), collection.ownerKind(), collection.ownerId(),
                collection.container(), collection.calendarGroupId(), collection.calendarId(), CommandIds.next());
        return send(AttachmentCommand.createEvent(Origins.of(caller, event), input));
    }

    /** Deletes an event and, in the processor, its attachments and their objects. */
    public Result delete(Caller caller, EventPath event) {
        return send(AttachmentCommand.deleteEvent(Origins.of(caller, event)));
    }

    private Result send(AttachmentCommand command) {
        return gateway.submit(command).<Result>map(reply -> new Result.Done(reply.event()))
                .orElseGet(() -> new Result.Pending(command.eventId()));
    }
}
