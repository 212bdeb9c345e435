package dev.attache.processor.topology;

import java.util.ArrayList;
import java.util.List;

import dev.attache.processor.objects.ObjectDiscarder;
import dev.attache.schemas.attachment.ObjectRef;

/** A discarder that remembers what it was asked to delete. */
final class RecordingDiscarder implements ObjectDiscarder {

    final List<ObjectRef> discarded = new ArrayList<>();

    @Override
    public void discard(ObjectRef object) {
        discarded.add(object);
    }
}
