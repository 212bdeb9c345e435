package dev.attache.schemas.event;

import dev.attache.schemas.attachment.Principal;
import dev.attache.schemas.attachment.Route;

/**
 * A read of one event from the registry: ingest-api asks the processor ({@code POST /internal/events/lookup}), which
 * answers from its state store — {@code 200} with the {@link CalendarEvent}, or the {@code ReplyError} of the same
 * access rules that decide writes ({@code 404}, {@code 403}), or {@code 503} while the store is not queryable.
 *
 * @param route where the client addressed the event (its owner and calendar must match)
 * @param principal who asks
 */
public record EventLookup(String tenantId, String eventId, Route route, Principal principal) {

    public static final String PATH = "/internal/events/lookup";
}
