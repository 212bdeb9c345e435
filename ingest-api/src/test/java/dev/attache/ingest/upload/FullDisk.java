package dev.attache.ingest.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.inject.Vetoed;

import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.schemas.attachment.ObjectRef;

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
        return new SpoolDirectory(base, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }

    public static RequestLimits limits(long maxRequestBytes) {
        return new RequestLimits(maxRequestBytes);
    }

    public static ObjectUploader uploader(SpoolDirectory spool) {
        return new Uploader(spool);
    }

    /** Not a bean of the app under @QuarkusTest: it stands in for the real one only where a test makes it. */
    @Vetoed
    static final class Uploader extends ObjectUploader {

        private final SpoolDirectory spool;

        Uploader(SpoolDirectory spool) {
            super(null, null, spool);
            this.spool = spool;
        }

        @Override
        public Upload start(String tenantId, String attachmentId, String contentType) throws UploadFailedException {
            try {
                Path file = spool.newFile();
                Files.delete(file);
                Files.createSymbolicLink(file, DEV_FULL);
                return new Upload(this, tenantId, attachmentId, contentType, file, AttachmentCommand.HEAD_BYTES);
            } catch (IOException e) {
                throw new UploadFailedException(e);
            }
        }

        @Override
        ObjectRef put(Path file, String tenantId, String attachmentId, String contentType, long length,
                String sha256) {
            throw new AssertionError("nothing may be PUT after the disk refused the payload");
        }

        @Override
        public void delete(String key) {
            throw new AssertionError("no object was stored, so none may be deleted");
        }
    }
}
