package dev.attache.processor.topology;

import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import dev.attache.schemas.attachment.ObjectDeletion;
import dev.attache.schemas.attachment.ObjectRef;
import dev.attache.schemas.session.SessionRemainder;
import dev.attache.schemas.session.UploadSession;

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

    /**
     * Asks for what {@code session} leaves in S3 to go: unless {@code completed} (then it is the attachment's
     * object), its multipart upload aborted and the object it may have been completed into (by a front that died
     * before its command) deleted; and its remainder object.
     */
    void sessionLeftovers(UploadSession session, boolean completed, long timestamp) {
        if (!completed) {
            ObjectRef upload = new ObjectRef(session.bucket(), session.objectKey(), 0, null);
            context.forward(new Record<>(upload.key(), new ObjectDeletion(ObjectDeletion.SCHEMA_VERSION,
                    session.tenantId(), session.attachmentId(), upload, ObjectDeletion.SESSION_ENDED,
                    session.uploadId()), timestamp), AttachmentTopology.DELETIONS_SINK);
            request(session.tenantId(), session.attachmentId(), upload, ObjectDeletion.SESSION_ENDED, timestamp);
        }
        remainder(session, session.remainder(), timestamp);
    }

    /** Asks for a session's remainder object to go (replaced by a newer one, or the session ended). */
    void remainder(UploadSession session, SessionRemainder remainder, long timestamp) {
        if (remainder != null) {
            request(session.tenantId(), session.attachmentId(), new ObjectRef(session.bucket(), remainder.key(),
                    remainder.length(), null), ObjectDeletion.SESSION_ENDED, timestamp);
        }
    }

    /** Asks for {@code object} (of {@code attachmentId} in {@code tenantId}) to be deleted, for {@code reason}. */
    void request(String tenantId, String attachmentId, ObjectRef object, String reason, long timestamp) {
        if (object == null) {
            return;
        }
        context.forward(new Record<>(object.key(), new ObjectDeletion(ObjectDeletion.SCHEMA_VERSION, tenantId,
                attachmentId, object, reason, null), timestamp), AttachmentTopology.DELETIONS_SINK);
    }
}
