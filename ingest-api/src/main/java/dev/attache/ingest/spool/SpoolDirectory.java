package dev.attache.ingest.spool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Where a request's decoded payload waits between the body and the S3 PUT, and for the echo of {@code contentBytes}
 * in the 201 (so the answer need not read the object back from S3); an upload session's slice waits here too. One directory per process, under
 * {@code attache.ingest.spool-dir}; file names are generated, never taken from the request. On Kubernetes it is an
 * {@code emptyDir}; its use is bounded by the requests in flight times the 4 MiB request limit.
 *
 * <p>A process that dies (a {@code kill -9}, an OOM kill) cannot remove its files, so each directory carries a lock
 * its process holds for as long as it lives ({@value #OWNER_LOCK}): the operating system releases it with the
 * process, however it ended. At start-up every sibling directory whose lock can be taken belongs to no live process
 * and is removed, with its files (counted as {@code attache_ingest_spool_files_swept_total}).
 */
@Startup
@ApplicationScoped
public class SpoolDirectory {

    static final String OWNER_LOCK = ".owner.lock";
    private static final String PREFIX = "ingest-";
    private static final String STARTING = ".starting-";
    private static final Logger LOG = Logger.getLogger(SpoolDirectory.class);

    private final Path dir;
    private final FileChannel ownerChannel;
    private final FileLock owner;

    SpoolDirectory(@ConfigProperty(name = "attache.ingest.spool-dir") Path base, MeterRegistry registry) {
        try {
            Files.createDirectories(base);
            // made and locked under a name the sweep of a process starting beside this one does not look at, then
            // renamed: an "ingest-" directory always has its owner's lock held from the moment it exists
            Path starting = Files.createTempDirectory(base, STARTING);
            this.ownerChannel = FileChannel.open(starting.resolve(OWNER_LOCK), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            this.owner = ownerChannel.lock();
            this.dir = Files.move(starting, base.resolve(PREFIX + starting.getFileName().toString()
                    .substring(STARTING.length())), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a spool directory under " + base, e);
        }
        long swept = sweepDeadSiblings(base);
        Counter.builder("attache.ingest.spool.files.swept")
                .description("Spool files of dead processes removed at start-up").register(registry).increment(swept);
    }

    /**
     * A new spool file only this request uses, keeping the first {@code headBytes} of its content.
     *
     * @throws IOException when there is nowhere to spool it
     */
    public SpoolFile create(int headBytes) throws IOException {
        return new SpoolFile(newFile(), headBytes);
    }

    /** A new, empty file; a test's full disk stands in here. */
    protected Path newFile() throws IOException {
        return Files.createTempFile(dir, "payload-", ".bin");
    }

    /** How many payloads are spooled now: every request removes its own, so at rest this is 0. */
    public long files() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "payload-*")) {
            long n = 0;
            for (Path ignored : files) {
                n++;
            }
            return n;
        }
    }

    /** Removes the directories under {@code base} no live process owns; answers how many payloads they held. */
    private long sweepDeadSiblings(Path base) {
        long swept = 0;
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(base, PREFIX + "*")) {
            for (Path sibling : siblings) {
                if (!sibling.equals(dir) && Files.isDirectory(sibling) && ownerIsGone(sibling)) {
                    swept += removeTree(sibling);
                }
            }
        } catch (IOException e) {
            LOG.warnf("Spool directories under %s not swept: %s", base, e);
        }
        if (swept > 0) {
            LOG.infof("Removed %d spool files left by processes that died", swept);
        }
        return swept;
    }

    /**
     * Whether the process that made {@code sibling} has ended: its lock is free (or it never had one: a directory of
     * a build from before the locks, since every directory of this one is locked before it gets its name).
     */
    private static boolean ownerIsGone(Path sibling) {
        Path lockFile = sibling.resolve(OWNER_LOCK);
        if (!Files.exists(lockFile)) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                FileLock taken = channel.tryLock()) {
            return taken != null;
        } catch (OverlappingFileLockException e) {
            return false; // held by this very JVM
        } catch (IOException e) {
            return false;
        }
    }

    private static long removeTree(Path tree) {
        long payloads;
        try (Stream<Path> files = Files.walk(tree)) {
            payloads = files.sorted(Comparator.reverseOrder())
                    .filter(path -> {
                        boolean payload = path.getFileName().toString().startsWith("payload-");
                        try {
                            Files.deleteIfExists(path);
                        } catch (IOException e) {
                            LOG.warnf("Spool file %s not removed: %s", path, e);
                        }
                        return payload;
                    })
                    .count();
        } catch (IOException e) {
            LOG.warnf("Spool directory %s not removed: %s", tree, e);
            return 0;
        }
        return payloads;
    }

    @PreDestroy
    void removeAll() {
        try {
            owner.release();
            ownerChannel.close();
        } catch (IOException e) {
            LOG.debugf("Spool lock of %s: %s", dir, e);
        }
        removeTree(dir);
    }
}
