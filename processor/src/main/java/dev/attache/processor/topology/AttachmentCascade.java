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

import dev.attache.schemas.attachment.AttachmentRecord;
import dev.attache.schemas.attachment.ObjectDeletion;
import dev.attache.schemas.session.UploadSession;

/**
 * Deletes the attachments of a deleted event, wherever the deletion came from (a Graph {@code DELETE} or a system of
 * record's tombstone): the records in the store, the records on {@code attachments} (tombstones, partitioned by event)
 * and the objects (deletion requests); and ends its upload sessions, whose bytes can never become attachments now. All
 * of it is in the caller's transaction; the objects go once it committed, however many attachments the event had,
 * without an S3 call on the stream thread.
 */
final class AttachmentCascade {

    private static final Logger LOG = Logger.getLogger(AttachmentCascade.class);

    private final KeyValueStore<String, AttachmentRecord> attachments;
    private final KeyValueStore<String, UploadSession> sessions;
    private final DeletionRequests deletions;
    private final ProcessorContext<String, Object> context;

    AttachmentCascade(ProcessorContext<String, Object> context) {
        this.context = context;
        this.deletions = new DeletionRequests(context);
        this.attachments = context.getStateStore(AttachmentTopology.ATTACHMENTS_STORE);
        this.sessions = context.getStateStore(AttachmentTopology.SESSIONS_STORE);
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
        for (KeyValue<String, AttachmentRecord> attachment : scan(attachments, eventKey)) {
            attachments.delete(attachment.key);
            context.forward(new Record<>(attachment.key, null, timestamp), AttachmentTopology.ATTACHMENTS_SINK);
            deletions.request(attachment.value.tenantId(), attachment.value.attachmentId(),
                    attachment.value.object(), ObjectDeletion.EVENT_DELETED, timestamp);
        }
        for (KeyValue<String, UploadSession> session : scan(sessions, eventKey)) {
            sessions.delete(session.key);
            context.forward(new Record<>(session.key, null, timestamp), AttachmentTopology.SESSIONS_SINK);
            // a complete session's object is its attachment's, deleted above
            deletions.sessionLeftovers(session.value, session.value.complete(), timestamp);
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
    private static <V> List<KeyValue<String, V>> scan(KeyValueStore<String, V> store, String eventKey) {
        List<KeyValue<String, V>> found = new ArrayList<>();
        try (KeyValueIterator<String, V> scan = store.prefixScan(eventKey + '/', new StringSerializer())) {
            scan.forEachRemaining(found::add);
        }
        return found;
    }
}
