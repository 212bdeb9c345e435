package dev.attache.ingest.representation;

import java.io.InputStream;

import dev.attache.schemas.attachment.AttachmentRecord;

/** Where a representation reads an attachment's stored content from; the writer itself holds no store client. */
@FunctionalInterface
public interface ContentSource {

    /** The record's stored bytes, which the caller closes; null when they cannot be read now. */
    InputStream open(AttachmentRecord record);
}
