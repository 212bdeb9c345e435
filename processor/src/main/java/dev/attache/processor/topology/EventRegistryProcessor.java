package dev.attache.processor.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

import dev.attache.schemas.event.CalendarEvent;
import dev.attache.processor.audit.AuditEntries;
import dev.attache.processor.audit.AuditSettings;
import dev.attache.schemas.kafka.AttachmentKeys;

/**
 * Mirrors {@code calendar-events} into {@code events-store}: a value is put, a tombstone deletes the event and its
 * attachments, and ends its upload sessions (a system of record deleted it; for a Graph delete, the command did so
 * already). Runs in
 * the command processor's tasks (they share the stores), so an event and its commands are in one partition of one
 * task. Forwards only attachment tombstones.
 */
final class EventRegistryProcessor implements Processor<String, CalendarEvent, String, Object> {

    private static final Logger LOG = Logger.getLogger(EventRegistryProcessor.class);

    private final AuditSettings auditSettings;
    private KeyValueStore<String, CalendarEvent> store;
    private AttachmentCascade cascade;
    private AuditTrail audit;

    EventRegistryProcessor(AuditSettings auditSettings) {
        this.auditSettings = auditSettings;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        store = context.getStateStore(AttachmentTopology.EVENTS_STORE);
        cascade = new AttachmentCascade(context);
        audit = new AuditTrail(context, auditSettings);
    }

    @Override
    public void process(Record<String, CalendarEvent> record) {
        String key = record.key();
        CalendarEvent event = record.value();
        if (key == null) {
            LOG.warn("Skipping a calendar event without a key");
            return;
        }
        if (event == null) {
            // Also for the processor's own tombstone: usually there is nothing left to delete, but if a system of
            // record's update raced the Graph delete, this settles both the event and whatever was attached since.
            CalendarEvent registered = store.get(key);
            store.delete(key);
            cascade.deleteAttachmentsOf(key, record.timestamp());
            if (registered != null && !OwnWrites.isOwn(record.headers())) {
                // a Graph delete was audited as its command; this is the system of record's own
                audit.append(key, AuditEntries.eventRemoved(registered.tenantId(), registered.eventId(),
                        record.timestamp(), audit.source()), record.timestamp());
            }
            return;
        }
        if (OwnWrites.isOwn(record.headers())) {
            return; // already applied when written; see OwnWrites
        }
        // Commands look an event up by the key their tenant and id make: a record filed under another key would be
        // found by the wrong tenant, or never.
        if (event.tenantId() == null || event.eventId() == null
                || !key.equals(AttachmentKeys.eventKey(event.tenantId(), event.eventId()))) {
            LOG.warnf("Skipping calendar event under key %s: its value is tenant %s, event %s", key,
                    event.tenantId(), event.eventId());
            return;
        }
        store.put(key, event);
    }
}
