package dev.attache.ingest.attachments;

import jakarta.enterprise.context.ApplicationScoped;

import dev.attache.ingest.auth.Caller;
import dev.attache.ingest.command.CommandGateway;
import dev.attache.ingest.command.Origins;
import dev.attache.ingest.route.EventPath;
import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.schemas.attachment.Trace;

/**
 * Deletes an attachment through the pipeline: the processor removes the record from its store, tombstones it on the
 * compacted topic and deletes the object, in the transaction that answers.
 */
@ApplicationScoped
public class DeleteAttachment {

    private final CommandGateway gateway;

    DeleteAttachment(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /** True once the deletion is committed; false when it is in the log but its reply was late. */
    public boolean delete(Caller caller, EventPath event, String attachmentId, Trace trace) {
        return gateway.submit(AttachmentCommand.deleteAttachment(Origins.of(caller, event), attachmentId)
                .withTrace(trace)).isPresent();
    }
}
