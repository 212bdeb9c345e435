package dev.attache.ingest.command;

import dev.attache.ingest.auth.Caller;
import dev.attache.ingest.route.EventPath;
import dev.attache.schemas.attachment.AttachmentCommand;

/** The origin of a command: the verified caller, and the event as the path addressed it. */
public final class Origins {

    private Origins() {
    }

    public static AttachmentCommand.Origin of(Caller caller, EventPath event) {
        return new AttachmentCommand.Origin(caller.tenantId(), event.eventId(), event.toRoute(caller.objectId()),
                caller.principal());
    }
}
