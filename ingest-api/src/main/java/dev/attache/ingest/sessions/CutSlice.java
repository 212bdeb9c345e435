package dev.attache.ingest.sessions;

import dev.attache.ingest.spool.SpooledContent;

/**
 * A slice (with the remainder before it) cut where the next S3 part ends: the part's bytes, and the bytes after it
 * that wait for the next slice.
 *
 * @param part the part's bytes
 * @param tail the bytes after the part, or null
 */
record CutSlice(SpooledContent part, SpooledContent tail) implements AutoCloseable {

    @Override
    public void close() {
        part.close();
        if (tail != null) {
            tail.close();
        }
    }
}
