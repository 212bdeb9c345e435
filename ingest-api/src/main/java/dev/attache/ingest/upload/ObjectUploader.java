package dev.attache.ingest.upload;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.attache.ingest.s3.S3Config;
import dev.attache.schemas.attachment.AttachmentCommand;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;

/**
 * Streams objects into S3 while the request body is still being read. The object key is the tenant and the
 * generated attachment id: nothing the client sends ends up in it.
 */
@ApplicationScoped
public class ObjectUploader {

    private static final Logger LOG = Logger.getLogger(ObjectUploader.class);
    private static final int PIPE_BYTES = 64 * 1024;

    private final MinioClient client;
    private final S3Config config;
    private final ExecutorService uploads;

    ObjectUploader(MinioClient client, S3Config config,
            @ConfigProperty(name = "attache.ingest.upload-threads") int uploadThreads) {
        this.client = client;
        this.config = config;
        AtomicInteger n = new AtomicInteger();
        // No queue: an upload must start now or the request is refused, never parked behind others.
        this.uploads = new ThreadPoolExecutor(0, uploadThreads, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> {
                    Thread t = new Thread(r, "s3-upload-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** The object key of an attachment: tenant-scoped, generated. */
    public static String objectKey(String tenantId, String attachmentId) {
        return tenantId + "/" + attachmentId;
    }

    /**
     * Starts storing an object of unknown length.
     *
     * @throws UploadFailedException when no upload can start now
     */
    public Upload start(String tenantId, String attachmentId, String contentType) throws UploadFailedException {
        String key = objectKey(tenantId, attachmentId);
        BytePipe pipe = new BytePipe(PIPE_BYTES);
        CompletableFuture<Void> put = new CompletableFuture<>();
        try {
            uploads.execute(() -> {
                try {
                    client.putObject(PutObjectArgs.builder()
                            .bucket(config.bucket())
                            .object(key)
                            .stream(pipe.source(), -1, config.partSize())
                            .contentType(contentType)
                            .userMetadata(Map.of("attache-tenant", tenantId, "attache-attachment-id", attachmentId))
                            .build());
                    put.complete(null);
                } catch (Exception | Error e) {
                    put.completeExceptionally(e);
                    try {
                        pipe.source().close();
                    } catch (java.io.IOException ignored) {
                        // closing the reading end only signals the writer
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            throw new UploadFailedException(e);
        }
        return new Upload(this, config.bucket(), key, pipe, AttachmentCommand.HEAD_BYTES, put);
    }

    /** Deletes an object; a failure is logged, not thrown: the object is then an orphan for the sweep to find. */
    public void delete(String key) {
        try {
            client.removeObject(RemoveObjectArgs.builder().bucket(config.bucket()).object(key).build());
        } catch (Exception e) {
            LOG.warnf("Could not delete object %s/%s (left for the orphan sweep): %s", config.bucket(), key, e);
        }
    }

    @PreDestroy
    void shutdown() {
        uploads.shutdown();
    }
}
