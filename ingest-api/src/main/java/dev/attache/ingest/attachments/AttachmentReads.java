package dev.attache.ingest.attachments;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.attache.ingest.auth.Caller;
import dev.attache.schemas.graph.GraphErrorCodes;
import dev.attache.ingest.error.GraphException;
import dev.attache.ingest.route.EventPath;
import dev.attache.ingest.state.ProcessorState;
import dev.attache.schemas.attachment.AttachmentQuery;
import dev.attache.schemas.attachment.AttachmentRecord;

/**
 * Reads an event's attachments from the processor's state: the whole event is one range scan on the instance that
 * holds its partition. Reads-your-writes: the reply to a write is committed together with the store update.
 */
@ApplicationScoped
public class AttachmentReads {

    /** The processor's answer: {@code {"value":[…]}}. */
    public record Page(List<AttachmentRecord> value) {
    }

    private final ProcessorState state;

    AttachmentReads(ProcessorState state) {
        this.state = state;
    }

    /** All attachments of the event, in key order. */
    public List<AttachmentRecord> list(Caller caller, EventPath event) {
        return query(caller, event, null);
    }

    /** One attachment, or {@code ErrorItemNotFound}. */
    public AttachmentRecord get(Caller caller, EventPath event, String attachmentId) {
        List<AttachmentRecord> found = query(caller, event, attachmentId);
        if (found.isEmpty()) {
            throw new GraphException(404, GraphErrorCodes.ITEM_NOT_FOUND,
                    "The specified object was not found in the store.");
        }
        return found.get(0);
    }

    private List<AttachmentRecord> query(Caller caller, EventPath event, String attachmentId) {
        return state.query(AttachmentQuery.PATH, new AttachmentQuery(caller.tenantId(), event.eventId(), attachmentId,
                event.toRoute(caller.objectId()), caller.principal()), Page.class).value();
    }
}
