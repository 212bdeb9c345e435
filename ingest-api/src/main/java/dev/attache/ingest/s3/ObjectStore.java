package dev.attache.ingest.s3;

import java.io.InputStream;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.attache.ingest.spool.SpooledContent;
import dev.attache.schemas.attachment.ObjectRef;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.RemoveObjectArgs;
import io.minio.UploadObjectArgs;

/**
 * The attachment objects in S3: stored whole from a spool file, read, deleted. Every path that stores content (a
 * POST, a {@code $batch} item) comes here once its body has been read to its end and found well-formed, so an invalid
 * body never reaches S3. From a file the client sends with a known length and no copy on the heap (from a stream of
 * unknown length it would buffer in arrays that grow by doubling). The object key is the tenant and the generated
 * attachment id: nothing the client sends ends up in it.
 */
@ApplicationScoped
public class ObjectStore {

    private static final Logger LOG = Logger.getLogger(ObjectStore.class);

    private final MinioClient client;
    private final S3Config config;

    protected ObjectStore(MinioClient client, S3Config config) {
        this.client = client;
        this.config = config;
    }

    /** The object key of an attachment: tenant-scoped, generated. */
    public static String objectKey(String tenantId, String attachmentId) {
        return tenantId + "/" + attachmentId;
    }

    /**
     * Stores {@code content} as the object of attachment {@code attachmentId}; the content stays the caller's.
     *
     * @throws StoreFailedException when the store did not take it (nothing is left behind)
     */
    public ObjectRef put(SpooledContent content, String tenantId, String attachmentId, String contentType)
            throws StoreFailedException {
        String key = objectKey(tenantId, attachmentId);
        try {
            client.uploadObject(UploadObjectArgs.builder()
                    .bucket(config.bucket())
                    .object(key)
                    // multipart above the part size, which the request limit keeps out of reach
                    .filename(content.file().toString(), config.partSize())
                    .contentType(contentType)
                    .userMetadata(Map.of("attache-tenant", tenantId, "attache-attachment-id", attachmentId))
                    .build());
        } catch (Exception e) {
            delete(key); // a multipart upload that failed half-way must not leave parts behind
            throw new StoreFailedException(e);
        }
        return new ObjectRef(config.bucket(), key, content.length(), content.sha256());
    }

    /**
     * The stored bytes of {@code object}; the caller closes them.
     *
     * @throws StoreFailedException when the store does not give them
     */
    public InputStream open(ObjectRef object) throws StoreFailedException {
        try {
            return client.getObject(GetObjectArgs.builder().bucket(object.bucket()).object(object.key()).build());
        } catch (Exception e) {
            throw new StoreFailedException(e);
        }
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
