package dev.attache.processor.rules;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dev.attache.processor.rules.AccessRules.Mode;
import dev.attache.schemas.attachment.AttachmentQuery;
import dev.attache.schemas.attachment.AttachmentRecord;
import dev.attache.schemas.event.CalendarEvent;
import dev.attache.schemas.event.EventLookup;
import dev.attache.schemas.kafka.AttachmentKeys;

/**
 * How a read of an event's attachments ({@code POST /internal/attachments/query}) is answered: a pure function of the
 * query, the events store, the attachments store and the registry. Access is the event lookup's, to the letter: the
 * query is judged as the {@link EventLookup} of its event ({@link LookupRules}, {@link AccessRules} in
 * {@link Mode#READ}), so reading an event's attachments is refused exactly where reading the event is. Only then is
 * {@code attachments-store} read: one prefix scan of the event's range, or one key.
 */
public final class AttachmentQueryRules {

    private AttachmentQueryRules() {
    }

    /** The lookup of the query's event: what decides whether the principal may read there. */
    public static EventLookup eventLookup(AttachmentQuery query) {
        return new EventLookup(query.tenantId(), query.eventId(), query.route(), query.principal());
    }

    /** Why {@code query} cannot be judged (a required part missing or unknown), or empty when it can. */
    public static Optional<String> defect(AttachmentQuery query) {
        if (query == null) {
            return Optional.of("a JSON object is required");
        }
        Optional<String> target = LookupRules.defect(eventLookup(query));
        if (target.isPresent()) {
            return target;
        }
        // absent = all of them; present but blank names no attachment (and must not turn into a list)
        if (query.attachmentId() != null && query.attachmentId().isBlank()) {
            return Optional.of("attachmentId, when present, must not be blank");
        }
        return Optional.empty();
    }

    /** The key that decides the partition: the event's, as for its commands (its attachments live in its partition). */
    public static String key(AttachmentQuery query) {
        return LookupRules.key(eventLookup(query));
    }

    /**
     * The answer to {@code query}, reading the event from {@code events} (store key → event, null when absent) and
     * the attachments from {@code attachments}:
     *
     * <ul>
     *   <li>{@code 400 BadRequest} for a query with a {@link #defect};</li>
     *   <li>what {@link LookupRules#answer} refuses the event's lookup with: {@code 404 ErrorItemNotFound} (no such
     *       event under the query's tenant, or not where the route says), {@code 403 ErrorAccessDenied},
     *       {@code 400 BadRequest} for {@code /me} with an app token — and then the attachments are not read;</li>
     *   <li>{@code attachmentId} null: {@code 200} with every record under {@code AttachmentKeys.eventPrefix}, in key
     *       order (one scan; none is an empty list);</li>
     *   <li>{@code attachmentId} set: {@code 200} with the one record under {@code AttachmentKeys.attachmentKey}, or
     *       {@code 404 ErrorItemNotFound}.</li>
     * </ul>
     */
    public static LookupAnswer answer(AttachmentQuery query, Function<String, CalendarEvent> events,
            StoredAttachments attachments, Registry registry) {
        Optional<String> defect = defect(query);
        if (defect.isPresent()) {
            return LookupAnswer.refused(GraphErrors.malformedAttachmentQuery(defect.get()));
        }
        LookupAnswer event = LookupRules.answer(eventLookup(query), events, registry);
        if (event.status() != 200) {
            return event;
        }
        if (query.attachmentId() == null) {
            return LookupAnswer.found(new AttachmentList(
                    attachments.withPrefix(AttachmentKeys.eventPrefix(query.tenantId(), query.eventId()))));
        }
        AttachmentRecord one = attachments.get(
                AttachmentKeys.attachmentKey(query.tenantId(), query.eventId(), query.attachmentId()));
        return one == null
                ? LookupAnswer.refused(GraphErrors.ITEM_NOT_FOUND)
                : LookupAnswer.found(new AttachmentList(List.of(one)));
    }
}
