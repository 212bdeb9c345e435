package dev.attache.ingest.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

/**
 * The stored payload's bytes, still on local disk after the PUT: what the 201 echoes. Whoever holds it releases it
 * once (after writing the answer, or when there is no answer to write); releasing twice is harmless.
 */
public final class SpooledContent implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SpooledContent.class);

    private final Path file;
    private final AtomicBoolean released = new AtomicBoolean();

    SpooledContent(Path file) {
        this.file = file;
    }

    /** The bytes, from the start; the caller closes the stream. */
    public InputStream open() throws IOException {
        return Files.newInputStream(file);
    }

    @Override
    public void close() {
        if (released.compareAndSet(false, true)) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warnf("Spooled payload %s not deleted: %s", file, e);
            }
        }
    }
}
