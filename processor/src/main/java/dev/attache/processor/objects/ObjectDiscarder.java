package dev.attache.processor.objects;

import dev.attache.schemas.attachment.ObjectRef;

/**
 * Deletes the stored payload of a rejected command, of a deleted attachment, or of a deleted event's attachments.
 * Once a command is appended the processor owns its object's lifecycle; the front never deletes it. Implementations
 * must not throw: a delete that fails leaves an orphan for the orphan sweep, and must not stop the stream (deletes are
 * idempotent, so a retried command may delete again).
 */
@FunctionalInterface
public interface ObjectDiscarder {

    void discard(ObjectRef object);
}
