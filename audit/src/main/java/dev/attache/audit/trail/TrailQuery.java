package dev.attache.audit.trail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import dev.attache.audit.log.TrailEntry;
import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.schemas.audit.AuditEntry;

/**
 * Which entries of the trail a question is about: a tenant (always, when given: another tenant's entries never
 * appear), an event, an attachment or a user, and a time window on the log time. Pure: the trail is read elsewhere.
 *
 * @param tenantId only this tenant's entries, or null for all (an operator's view)
 * @param from inclusive, or null
 * @param to exclusive, or null
 */
public record TrailQuery(String tenantId, String eventId, String attachmentId, String userId, Instant from,
        Instant to) {

    /** The actions that remove every attachment of an event. */
    static final Set<String> EVENT_REMOVALS = Set.of(AttachmentCommand.TYPE_DELETE_EVENT, AuditEntry.EVENT_REMOVED);

    /** The entries that answer the query, in trail order (partition, then position). */
    public List<TrailEntry> select(List<TrailEntry> trail) {
        List<TrailEntry> readable = trail.stream().filter(e -> e.entry() != null).filter(inTenant())
                .filter(inWindow()).toList();
        if (attachmentId == null) {
            return readable.stream().filter(matches()).toList();
        }
        // an attachment's trail: its own entries, and its event's removal after it was added
        List<TrailEntry> selected = new ArrayList<>();
        String[] event = new String[2];
        for (TrailEntry e : readable) {
            AuditEntry entry = e.entry();
            if (attachmentId.equals(entry.attachmentId()) && matchesUser(entry)) {
                selected.add(e);
                event[0] = entry.tenantId();
                event[1] = entry.eventId();
            } else if (event[0] != null && EVENT_REMOVALS.contains(entry.action())
                    && AttachmentEvents.removed(entry) && event[0].equals(entry.tenantId())
                    && event[1].equals(entry.eventId())) {
                selected.add(e);
            }
        }
        return selected;
    }

    private Predicate<TrailEntry> inTenant() {
        return e -> tenantId == null || tenantId.equals(e.entry().tenantId());
    }

    private Predicate<TrailEntry> inWindow() {
        return e -> {
            Instant at = e.loggedAt();
            if (at == null) {
                return from == null && to == null; // a malformed entry cannot be placed in a window
            }
            return (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
        };
    }

    private Predicate<TrailEntry> matches() {
        return e -> (eventId == null || eventId.equals(e.entry().eventId())) && matchesUser(e.entry());
    }

    private boolean matchesUser(AuditEntry entry) {
        return userId == null || (entry.actor() != null && (userId.equals(entry.actor().objectId())
                || userId.equalsIgnoreCase(Objects.requireNonNullElse(entry.actor().upn(), ""))));
    }
}
