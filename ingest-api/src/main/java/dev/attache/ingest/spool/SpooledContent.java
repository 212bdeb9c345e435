package dev.attache.ingest.spool;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

/**
 * Content written to its end on local disk, measured: what the store PUTs from (with a known length and no copy on
 * the heap) and what a 201 echoes. Whoever holds it releases it once (after writing the answer, or when the exchange
 * ends without one); releasing closes any stream opened on it and deletes the file, and releasing twice is harmless.
 */
public final class SpooledContent implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SpooledContent.class);

    private final Path file;
    private final long length;
    private final String sha256;
    private final byte[] head;
    private final AtomicBoolean released = new AtomicBoolean();
    private final List<InputStream> opened = new CopyOnWriteArrayList<>();

    SpooledContent(Path file, long length, String sha256, byte[] head) {
        this.file = file;
        this.length = length;
        this.sha256 = sha256;
        this.head = head;
    }

    /** The file, for a store that sends it with its length known; valid until {@link #close()}. */
    public Path file() {
        return file;
    }

    public long length() {
        return length;
    }

    /** The hex SHA-256 of the content. */
    public String sha256() {
        return sha256;
    }

    /** The first bytes, for type detection. */
    public byte[] head() {
        return head.clone();
    }

    /** The bytes, from the start; closed by the caller or, at the latest, on {@link #close()}. */
    public InputStream open() throws IOException {
        InputStream in = Files.newInputStream(file);
        opened.add(in);
        return in;
    }

    @Override
    public void close() {
        if (released.compareAndSet(false, true)) {
            // a client gone before its 201 was written leaves the stream unread: its descriptor goes with the file
            for (InputStream in : opened) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // closing a file being deleted anyway
                }
            }
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warnf("Spooled payload %s not deleted: %s", file, e);
            }
        }
    }
}
