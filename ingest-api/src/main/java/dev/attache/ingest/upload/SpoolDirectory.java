package dev.attache.ingest.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Where a request's decoded payload waits between the body and the S3 PUT, and for the echo of {@code contentBytes}
 * in the 201 (so the answer need not read the object back from S3). One directory per process, under
 * {@code attache.ingest.spool-dir}; file names are generated, never taken from the request. On Kubernetes it is an
 * {@code emptyDir}; its use is bounded by the requests in flight times the 4 MiB request limit.
 */
@ApplicationScoped
public class SpoolDirectory {

    private static final Logger LOG = Logger.getLogger(SpoolDirectory.class);

    private final Path dir;

    SpoolDirectory(@ConfigProperty(name = "attache.ingest.spool-dir") Path base) {
        try {
            Files.createDirectories(base);
            this.dir = Files.createTempDirectory(base, "ingest-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a spool directory under " + base, e);
        }
    }

    /** A new, empty file only this request uses. */
    Path newFile() throws IOException {
        return Files.createTempFile(dir, "payload-", ".bin");
    }

    /** How many payloads are spooled now: every request removes its own, so at rest this is 0. */
    public long files() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            long n = 0;
            for (Path ignored : files) {
                n++;
            }
            return n;
        }
    }

    @PreDestroy
    void removeAll() {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            LOG.warnf("Spool directory %s not removed: %s", dir, e);
        }
    }
}
