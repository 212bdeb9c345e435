package dev.attache.processor.rules;

import java.util.Optional;
import java.util.function.Function;

import dev.attache.processor.rules.AccessRules.Mode;
import dev.attache.processor.rules.AccessRules.Verdict;
import dev.attache.schemas.event.CalendarEvent;
import dev.attache.schemas.event.EventLookup;
import dev.attache.schemas.kafka.AttachmentKeys;

/**
 * How a read of one event ({@code POST /internal/events/lookup}) is answered: a pure function of the lookup, the
 * events store and the registry, deciding with the same {@link AccessRules} as the commands, in {@link Mode#READ}.
 * Where the store is (which instance, whether it can be queried now) is the caller's business. An attachment query
 * is judged as the lookup of its event ({@link AttachmentQueryRules}).
 */
public final class LookupRules {

    private LookupRules() {
    }

    /** Why {@code lookup} cannot be judged (a required part missing or unknown), or empty when it can. */
    public static Optional<String> defect(EventLookup lookup) {
        if (lookup == null) {
            return Optional.of("a JSON object is required");
        }
        return CommandShape.targetDefect(lookup.tenantId(), lookup.eventId(), lookup.route(), lookup.principal());
    }

    /** The events-store key of the event asked for: scoped by the lookup's tenant, as the commands' keys are. */
    public static String key(EventLookup lookup) {
        return AttachmentKeys.eventKey(lookup.tenantId(), lookup.eventId());
    }

    /**
     * The answer to {@code lookup}, reading the event from {@code events} (store key → event, null when absent) under
     * {@link #key}:
     *
     * <ul>
     *   <li>{@code 400 BadRequest} for a lookup with a {@link #defect};</li>
     *   <li>the error of {@link AccessRules#check} in read mode: {@code 404 ErrorItemNotFound} when the event is not
     *       there or not where the route says (or of another tenant), {@code 403 ErrorAccessDenied} when the
     *       principal may not read it, {@code 400 BadRequest} for {@code /me} with an app token;</li>
     *   <li>{@code 200} with the event otherwise.</li>
     * </ul>
     */
    public static LookupAnswer answer(EventLookup lookup, Function<String, CalendarEvent> events, Registry registry) {
        Optional<String> defect = defect(lookup);
        if (defect.isPresent()) {
            return LookupAnswer.refused(GraphErrors.malformedLookup(defect.get()));
        }
        CalendarEvent event = events.apply(key(lookup));
        Verdict verdict = AccessRules.check(lookup.tenantId(), lookup.principal(), lookup.route(), event, registry,
                Mode.READ);
        return verdict == Verdict.ALLOWED ? LookupAnswer.found(event) : LookupAnswer.refused(verdict.error());
    }
}
