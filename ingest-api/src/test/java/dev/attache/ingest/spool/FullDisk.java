package dev.attache.ingest.spool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.inject.Vetoed;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A spool on a disk with no space left: every spool file is a link to {@code /dev/full}, where each write that
 * reaches the device fails with ENOSPC, as on a full {@code emptyDir}. The links are in a real spool directory, so
 * {@link SpoolDirectory#files()} still tells whether a request left one behind.
 */
public final class FullDisk {

    public static final Path DEV_FULL = Path.of("/dev/full");

    private FullDisk() {
    }

    public static SpoolDirectory spool(Path base) {
        return new FullSpool(base);
    }

    /** Not a bean of the app under @QuarkusTest: it stands in for the real one only where a test makes it. */
    @Vetoed
    static final class FullSpool extends SpoolDirectory {

        FullSpool(Path base) {
            super(base, new SimpleMeterRegistry());
        }

        @Override
        protected Path newFile() throws IOException {
            Path file = super.newFile();
            Files.delete(file);
            Files.createSymbolicLink(file, DEV_FULL);
            return file;
        }
    }
}
