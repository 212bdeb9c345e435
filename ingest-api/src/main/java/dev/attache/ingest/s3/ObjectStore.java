package dev.attache.ingest.s3;

import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.google.common.collect.HashMultimap;

import dev.attache.ingest.spool.SpooledContent;
import dev.attache.schemas.attachment.ObjectRef;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.ObjectWriteResponse;
import io.minio.StatObjectArgs;
import io.minio.messages.Part;
import io.minio.RemoveObjectArgs;

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
    private final HashedFileClient files;
    private final S3Config config;

    protected ObjectStore(MinioClient client, HashedFileClient files, S3Config config) {
        this.client = client;
        this.files = files;
        this.config = config;
    }

    public String bucket() {
        return config.bucket();
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
        ObjectWriteResponse written;
        try {
            written = await(files.putFile(config.bucket(), config.region(), key, content.file(), content.length(),
                    content.sha256(), Map.of("Content-Type", contentType,
                            "x-amz-meta-attache-tenant", tenantId,
                            "x-amz-meta-attache-attachment-id", attachmentId)));
        } catch (StoreFailedException e) {
            LOG.warnf("Could not store object %s/%s: %s", config.bucket(), key, e.getCause());
            delete(key); // the store may have taken it before the answer was lost
            throw e;
        }
        return new ObjectRef(config.bucket(), key, content.length(), content.sha256(), written.versionId());
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

    /**
     * Stores {@code content} under {@code key}: an upload session's remainder, kept until its next slice.
     *
     * @throws StoreFailedException when the store did not take it (nothing is left behind)
     */
    public void putRemainder(SpooledContent content, String key) throws StoreFailedException {
        try {
            await(files.putFile(config.bucket(), config.region(), key, content.file(), content.length(),
                    content.sha256(), Map.of("Content-Type", "application/octet-stream")));
        } catch (StoreFailedException e) {
            LOG.warnf("Could not store object %s/%s: %s", config.bucket(), key, e.getCause());
            delete(key);
            throw e;
        }
    }

    /**
     * Begins the multipart upload of an upload session's attachment, to its object key; the upload id.
     *
     * @throws StoreFailedException when the store did not begin it
     */
    public String beginUpload(String tenantId, String attachmentId) throws StoreFailedException {
        HashMultimap<String, String> headers = HashMultimap.create();
        headers.put("Content-Type", "application/octet-stream");
        headers.put("x-amz-meta-attache-tenant", tenantId);
        headers.put("x-amz-meta-attache-attachment-id", attachmentId);
        return call(() -> files.createMultipartUploadAsync(config.bucket(), null, objectKey(tenantId, attachmentId),
                headers, null)).result().uploadId();
    }

    /**
     * Uploads {@code content} as part {@code number} of a multipart upload, from its file with its length known; the
     * part's ETag, unquoted.
     *
     * @throws StoreFailedException when the store did not take it
     */
    public String uploadPart(String key, String uploadId, int number, SpooledContent content)
            throws StoreFailedException {
        return await(files.uploadPartFile(config.bucket(), config.region(), key, uploadId, number, content.file(),
                content.length(), content.sha256()));
    }

    /**
     * Completes a multipart upload from {@code parts} (number → ETag, in order): the object exists from now on. S3
     * checks every part against its ETag, so an upload whose parts were overwritten by other bytes is refused.
     * Answers the object's version id (null on an unversioned bucket).
     *
     * @throws StoreFailedException when the store did not complete it
     */
    public String completeUpload(String key, String uploadId, Map<Integer, String> parts)
            throws StoreFailedException {
        Part[] list = parts.entrySet().stream().map(part -> new Part(part.getKey(), part.getValue()))
                .toArray(Part[]::new);
        return call(() -> files.completeMultipartUploadAsync(config.bucket(), null, key, uploadId, list, null,
                null)).versionId();
    }

    /** The version id of {@code key}'s current version, or null (an unversioned bucket, or no such object). */
    public String versionOf(String key) {
        try {
            return client.statObject(StatObjectArgs.builder().bucket(config.bucket()).object(key).build())
                    .versionId();
        } catch (Exception e) {
            return null;
        }
    }

    /** Whether {@code key} exists with {@code length} bytes: a completed upload whose answer was lost. */
    public boolean exists(String key, long length) {
        try {
            return client.statObject(StatObjectArgs.builder().bucket(config.bucket()).object(key).build()).size()
                    == length;
        } catch (Exception e) {
            return false;
        }
    }

    /** Aborts a multipart upload; a failure is logged: the session's end or the sweep aborts it later. */
    public void abortUpload(String key, String uploadId) {
        try {
            call(() -> files.abortMultipartUploadAsync(config.bucket(), null, key, uploadId, null, null));
        } catch (StoreFailedException e) {
            LOG.warnf("Could not abort the multipart upload %s of %s (left for the sweep): %s", uploadId, key, e);
        }
    }

    private static <T> T await(CompletableFuture<T> call) throws StoreFailedException {
        try {
            return call.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreFailedException(e);
        } catch (ExecutionException e) {
            throw new StoreFailedException(e.getCause());
        }
    }

    private static <T> T call(ThrowingCall<CompletableFuture<T>> call) throws StoreFailedException {
        try {
            return await(call.start());
        } catch (StoreFailedException e) {
            throw e;
        } catch (Exception e) {
            throw new StoreFailedException(e);
        }
    }

    /** MinIO's async calls declare the checked exceptions of building the request. */
    @FunctionalInterface
    private interface ThrowingCall<T> {
        T start() throws Exception;
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
