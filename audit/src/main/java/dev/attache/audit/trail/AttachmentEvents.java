package dev.attache.audit.trail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.attache.audit.log.TrailEntry;
import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.schemas.attachment.AttachmentReply;
import dev.attache.schemas.audit.AuditEntry;

/** What the trail says an event's attachments were, at any instant: the adds, deletes and removals folded in order. */
public final class AttachmentEvents {

    private AttachmentEvents() {
    }

    /**
     * The attachments event {@code eventId} of {@code tenantId} had at instant {@code at}, in the order they were
     * added, each as its add's entry.
     */
    public static List<AuditEntry> asOf(List<TrailEntry> trail, String tenantId, String eventId, Instant at) {
        Map<String, AuditEntry> present = new LinkedHashMap<>();
        for (TrailEntry e : trail) {
            AuditEntry entry = e.entry();
            if (entry == null || e.loggedAt() == null || !tenantId.equals(entry.tenantId())
                    || !eventId.equals(entry.eventId()) || e.loggedAt().isAfter(at)) {
                continue;
            }
            if (AttachmentCommand.TYPE_ADD.equals(entry.action()) && AttachmentReply.CREATED.equals(entry.outcome())
                    && !entry.repeat() && entry.attachment() != null) {
                present.putIfAbsent(entry.attachmentId(), entry);
            } else if (AttachmentCommand.TYPE_DELETE_ATTACHMENT.equals(entry.action())
                    && AttachmentReply.DELETED.equals(entry.outcome())) {
                present.remove(entry.attachmentId());
            } else if (TrailQuery.EVENT_REMOVALS.contains(entry.action()) && removed(entry)) {
                present.clear();
            }
        }
        return new ArrayList<>(present.values());
    }

    /** Whether an event-level entry removed its event (and so every attachment of it). */
    static boolean removed(AuditEntry entry) {
        return AttachmentReply.DELETED.equals(entry.outcome());
    }
}
