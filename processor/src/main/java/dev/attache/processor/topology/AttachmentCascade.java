package dev.attache.processor.topology;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

import dev.attache.processor.objects.ObjectDiscarder;
import dev.attache.schemas.attachment.AttachmentRecord;

/**
 * Deletes the attachments of a deleted event, wherever the deletion came from (a Graph {@code DELETE} or a system of
 * record's tombstone): the records in the store, the records on {@code attachments} (tombstones, partitioned by event)
 * and the objects. The store and topic changes are in the caller's transaction; the object deletes are not, and are
 * idempotent, so a retried transaction deletes them again.
 */
final class AttachmentCascade {

    private static final Logger LOG = Logger.getLogger(AttachmentCascade.class);

    private final KeyValueStore<String, AttachmentRecord> attachments;
    private final ObjectDiscarder discarder;
    private final ProcessorContext<String, Object> context;

    AttachmentCascade(ProcessorContext<String, Object> context, ObjectDiscarder discarder) {
        this.context = context;
        this.discarder = discarder;
        this.attachments = context.getStateStore(AttachmentTopology.ATTACHMENTS_STORE);
    }

    /**
     * Deletes every attachment of the event keyed {@code eventKey}; {@code timestamp} stamps the tombstones. Does
     * nothing for a key that is not {@code tenant/event}: a tombstone keyed by a tenant alone must not become a scan
     * of the whole tenant.
     */
    void deleteAttachmentsOf(String eventKey, long timestamp) {
        if (!isEventKey(eventKey)) {
            LOG.warnf("Not cascading the deletion of '%s': not an event key", eventKey);
            return;
        }
        for (KeyValue<String, AttachmentRecord> attachment : scan(eventKey)) {
            attachments.delete(attachment.key);
            context.forward(new Record<>(attachment.key, null, timestamp), AttachmentTopology.ATTACHMENTS_SINK);
            discarder.discard(attachment.value.object());
        }
    }

    /** Two non-empty components: encoded components never contain {@code /}. */
    static boolean isEventKey(String key) {
        int slash = key.indexOf('/');
        return slash > 0 && slash == key.lastIndexOf('/') && slash < key.length() - 1;
    }

    /**
     * Read in full before deleting any, so the scan never sees the store change under it. The prefix is
     * {@code AttachmentKeys.eventPrefix}: the event key and a separator no encoded id contains.
     */
    private List<KeyValue<String, AttachmentRecord>> scan(String eventKey) {
        List<KeyValue<String, AttachmentRecord>> found = new ArrayList<>();
        try (KeyValueIterator<String, AttachmentRecord> scan = attachments.prefixScan(eventKey + '/',
                new StringSerializer())) {
            scan.forEachRemaining(found::add);
        }
        return found;
    }
}
