package dev.attache.ingest.upload;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.attache.schemas.attachment.ObjectRef;

/**
 * One object being written. Content goes in through {@link #content()}, measured on the way, into a spool file;
 * {@link #complete()} then PUTs the file to S3 in one go. It ends in {@link #complete()} (the object exists and is
 * measured; the caller gets the spooled bytes for the echo) or {@link #abort()} (nothing was sent to S3 at all, so an
 * invalid body can never leave an object behind).
 */
public final class Upload {

    /** Fewer, larger writes to the spool file than the JSON decoder's 2 KB chunks; one buffer per request. */
    private static final int WRITE_BUFFER_BYTES = 32 * 1024;

    private final ObjectUploader uploader;
    private final String tenantId;
    private final String attachmentId;
    private final String contentType;
    private final Path spool;
    private final SpoolStream file;
    private final MeasuringOutputStream content;

    Upload(ObjectUploader uploader, String tenantId, String attachmentId, String contentType, Path spool, int headBytes)
            throws IOException {
        this.uploader = uploader;
        this.tenantId = tenantId;
        this.attachmentId = attachmentId;
        this.contentType = contentType;
        this.spool = spool;
        this.file = new SpoolStream(new BufferedOutputStream(Files.newOutputStream(spool), WRITE_BUFFER_BYTES));
        this.content = new MeasuringOutputStream(file, headBytes);
    }

    /** Where the content goes; measured on the way. */
    public MeasuringOutputStream content() {
        return content;
    }

    /**
     * Whether a write failed on this side (the spool's disk), so a failure while reading the body is the service's
     * fault (503), not the client's (400).
     */
    public boolean storeFailed() {
        return file.failed;
    }

    /**
     * Ends the content and stores it.
     *
     * @return the stored object and its bytes, which the caller must release
     * @throws UploadFailedException when the store did not take it (nothing is left behind)
     */
    public Stored complete() throws UploadFailedException {
        try {
            content.close();
            ObjectRef object = uploader.put(spool, tenantId, attachmentId, contentType, content.count(),
                    content.sha256Hex());
            return new Stored(object, new SpooledContent(spool));
        } catch (IOException | UploadFailedException | RuntimeException e) {
            deleteSpool();
            throw e instanceof UploadFailedException failed ? failed : new UploadFailedException(e);
        }
    }

    /** Drops the content: nothing was sent to S3, the spool file goes. */
    public void abort() {
        try {
            content.close();
        } catch (IOException ignored) {
            // the file is deleted next; what it held does not matter
        }
        deleteSpool();
    }

    private void deleteSpool() {
        new SpooledContent(spool).close();
    }

    /** The object as stored, and its bytes still on local disk. */
    public record Stored(ObjectRef object, SpooledContent content) {
    }

    /** Remembers that the disk refused a write, which {@link IOException} alone cannot tell from a bad body. */
    private static final class SpoolStream extends FilterOutputStream {

        private boolean failed;

        SpoolStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                failed = true;
                throw e;
            }
        }

        // Jackson flushes when a generator closes (an item, a reference's description): a full disk can refuse here.
        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                failed = true;
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } catch (IOException e) {
                failed = true;
                throw e;
            }
        }
    }
}
