package dev.attache.ingest.spool;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Content being written to local disk, measured on the way. It ends in {@link #finish()} (the content is whole and
 * measured, ready to be stored) or {@link #abort()} (the file goes). Nothing here talks to the store: a body that
 * turns out invalid halfway is dropped before anything was sent anywhere.
 */
public final class SpoolFile implements AutoCloseable {

    /** Fewer, larger writes to the spool file than the JSON decoder's 2 KB chunks; one buffer per request. */
    private static final int WRITE_BUFFER_BYTES = 32 * 1024;

    private final Path file;
    private final DiskStream disk;
    private final MeasuringOutputStream content;
    private boolean finished;

    SpoolFile(Path file, int headBytes) throws IOException {
        this.file = file;
        this.disk = new DiskStream(new BufferedOutputStream(Files.newOutputStream(file), WRITE_BUFFER_BYTES));
        this.content = new MeasuringOutputStream(disk, headBytes);
    }

    /** Where the content goes; measured on the way. */
    public MeasuringOutputStream content() {
        return content;
    }

    /**
     * Whether a write failed on this side (the spool's disk), so a failure while reading a body is the service's
     * fault (503), not the client's (400).
     */
    public boolean diskFailed() {
        return disk.failed;
    }

    /**
     * Ends the content.
     *
     * @return the content, which the caller must release
     * @throws IOException when the disk refused the last of it (the file is gone)
     */
    public SpooledContent finish() throws IOException {
        try {
            content.close();
        } catch (IOException e) {
            abort();
            throw e;
        }
        finished = true;
        return new SpooledContent(file, content.count(), content.sha256Hex(), content.head());
    }

    /** Drops the content: the file goes. */
    public void abort() {
        try {
            content.close();
        } catch (IOException ignored) {
            // the file is deleted next; what it held does not matter
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a spool directory is removed whole when its process ends
        }
    }

    /** Aborts unless finished: for try-with-resources around the writing. */
    @Override
    public void close() {
        if (!finished) {
            abort();
        }
    }

    /** Remembers that the disk refused a write, which {@link IOException} alone cannot tell from a bad body. */
    private static final class DiskStream extends FilterOutputStream {

        private boolean failed;

        DiskStream(OutputStream out) {
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
