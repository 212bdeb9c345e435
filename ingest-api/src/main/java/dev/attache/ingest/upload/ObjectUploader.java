package dev.attache.ingest.upload;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.attache.ingest.s3.S3Config;
import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.schemas.attachment.ObjectRef;
import io.minio.MinioClient;
import io.minio.RemoveObjectArgs;
import io.minio.UploadObjectArgs;

/**
 * Stores payloads in S3. The body is decoded into a spool file first and PUT from there once it is known to be
 * valid: the S3 client buffers a stream of unknown length in memory before it sends anything anyway (in arrays that
 * grow by doubling), while from a file it sends with a known length and no copy on the heap; and the file is still
 * there to echo the content in the 201. The object key is the tenant and the generated attachment id: nothing the
 * client sends ends up in it.
 */
@ApplicationScoped
public class ObjectUploader {

    private static final Logger LOG = Logger.getLogger(ObjectUploader.class);

    private final MinioClient client;
    private final S3Config config;
    private final SpoolDirectory spool;

    ObjectUploader(MinioClient client, S3Config config, SpoolDirectory spool) {
        this.client = client;
        this.config = config;
        this.spool = spool;
    }

    /** The object key of an attachment: tenant-scoped, generated. */
    public static String objectKey(String tenantId, String attachmentId) {
        return tenantId + "/" + attachmentId;
    }

    /**
     * Starts an object of unknown length.
     *
     * @throws UploadFailedException when there is nowhere to spool it
     */
    public Upload start(String tenantId, String attachmentId, String contentType) throws UploadFailedException {
        try {
            return new Upload(this, tenantId, attachmentId, contentType, spool.newFile(), AttachmentCommand.HEAD_BYTES);
        } catch (IOException e) {
            throw new UploadFailedException(e);
        }
    }

    /** One PUT of the spooled file (multipart above the part size, which the request limit keeps out of reach). */
    ObjectRef put(Path file, String tenantId, String attachmentId, String contentType, long length, String sha256)
            throws UploadFailedException {
        String key = objectKey(tenantId, attachmentId);
        try {
            client.uploadObject(UploadObjectArgs.builder()
                    .bucket(config.bucket())
                    .object(key)
                    .filename(file.toString(), config.partSize())
                    .contentType(contentType)
                    .userMetadata(Map.of("attache-tenant", tenantId, "attache-attachment-id", attachmentId))
                    .build());
        } catch (Exception e) {
            delete(key); // a multipart upload that failed half-way must not leave parts behind
            throw new UploadFailedException(e);
        }
        return new ObjectRef(config.bucket(), key, length, sha256);
    }

    /** Deletes an object; a failure is logged, not thrown: the object is then an orphan for the sweep to find. */
    public void delete(String key) {
        try {
            client.removeObject(RemoveObjectArgs.builder().bucket(config.bucket()).object(key).build());
        } catch (Exception e) {
            LOG.warnf("Could not delete object %s/%s (left for the orphan sweep): %s", config.bucket(), key, e);
        }
    }
}
