package dev.attache.processor.topology;

import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import dev.attache.schemas.attachment.ObjectDeletion;
import dev.attache.schemas.attachment.ObjectRef;

/**
 * Lets an object go: a record on {@code object-deletions} in the transaction of the decision, keyed by the object
 * key. The deleter carries it out once that transaction has committed ({@code objects.ObjectDeleter}), so no S3 call
 * runs inside the transaction, and an aborted one deletes nothing.
 */
final class DeletionRequests {

    private final ProcessorContext<String, Object> context;

    DeletionRequests(ProcessorContext<String, Object> context) {
        this.context = context;
    }

    /** Asks for {@code object} (of {@code attachmentId} in {@code tenantId}) to be deleted, for {@code reason}. */
    void request(String tenantId, String attachmentId, ObjectRef object, String reason, long timestamp) {
        if (object == null) {
            return;
        }
        context.forward(new Record<>(object.key(), new ObjectDeletion(ObjectDeletion.SCHEMA_VERSION, tenantId,
                attachmentId, object, reason), timestamp), AttachmentTopology.DELETIONS_SINK);
    }
}
