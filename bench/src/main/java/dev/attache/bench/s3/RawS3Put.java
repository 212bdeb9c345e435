package dev.attache.bench.s3;

import dev.attache.bench.load.Operation;
import io.minio.ListObjectsArgs;
import io.minio.MinioAsyncClient;
import io.minio.ObjectWriteResponse;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectsArgs;
import io.minio.Result;
import io.minio.messages.DeleteError;
import io.minio.messages.DeleteObject;
import io.minio.messages.Item;
import io.minio.messages.Part;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Baseline 1: the same content PUT straight to the same S3 server with the MinIO client (the one ingest-api uses),
 * asynchronously, under a prefix of its own that {@link #close()} empties again.
 */
public final class RawS3Put implements AutoCloseable {

    private final MinioAsyncClient client;
    private final String bucket;
    private final String prefix = "attache-bench/" + UUID.randomUUID() + "/";

    /**
     * @param maxInFlight the highest concurrency it will be loaded with: its HTTP client lets that many calls run at
     *     once over as many kept-alive connections (as ingest-api's does), instead of OkHttp's default of 5 per host
     */
    public RawS3Put(URI endpoint, String accessKey, String secretKey, String region, String bucket, int maxInFlight) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(maxInFlight);
        dispatcher.setMaxRequestsPerHost(maxInFlight);
        this.client = MinioAsyncClient.builder()
                .endpoint(endpoint.toString())
                .credentials(accessKey, secretKey)
                .region(region)
                .httpClient(new OkHttpClient.Builder()
                        .dispatcher(dispatcher)
                        .connectionPool(new ConnectionPool(maxInFlight, 5, TimeUnit.MINUTES))
                        .connectTimeout(Duration.ofSeconds(10))
                        .writeTimeout(Duration.ofMinutes(1))
                        .readTimeout(Duration.ofMinutes(1))
                        .build())
                .build();
        this.bucket = bucket;
    }

    /** One PUT of {@code content} under a fresh key, its length known up front. */
    public Operation put(byte[] content) {
        return () -> {
            try {
                return client.putObject(PutObjectArgs.builder()
                        .bucket(bucket)
                        .object(prefix + UUID.randomUUID())
                        .stream(new ByteArrayInputStream(content), content.length, -1)
                        .contentType("application/octet-stream")
                        .build());
            } catch (Exception e) {
                throw new IllegalStateException("PUT not sent: " + e.getMessage(), e);
            }
        };
    }

    /** {@code count} PUTs of {@code content} at once, each under a fresh key; done when the last one is. */
    public Operation putAll(byte[] content, int count) {
        Operation one = put(content);
        return () -> {
            java.util.concurrent.CompletableFuture<?>[] puts = new java.util.concurrent.CompletableFuture<?>[count];
            for (int i = 0; i < count; i++) {
                puts[i] = one.start();
            }
            return java.util.concurrent.CompletableFuture.allOf(puts);
        };
    }

    /**
     * One multipart upload of {@code content} under a fresh key: created, its parts of {@code partBytes} uploaded
     * one after the other, completed.
     */
    public Operation multipart(byte[] content, int partBytes) {
        return () -> {
            String key = prefix + UUID.randomUUID();
            try {
                return client.createMultipartUploadAsync(bucket, null, key, null, null)
                        .thenCompose(created -> parts(key, created.result().uploadId(), content, partBytes, 0,
                                new java.util.ArrayList<>()));
            } catch (Exception e) {
                throw new IllegalStateException("multipart upload not begun: " + e.getMessage(), e);
            }
        };
    }

    private java.util.concurrent.CompletableFuture<ObjectWriteResponse> parts(String key, String uploadId,
            byte[] content, int partBytes, int from, List<Part> done) {
        int to = Math.min(content.length, from + partBytes);
        try {
            byte[] part = java.util.Arrays.copyOfRange(content, from, to);
            return client.uploadPartAsync(bucket, null, key, part, part.length, uploadId, done.size() + 1, null,
                    null).thenCompose(uploaded -> {
                        done.add(new Part(done.size() + 1, uploaded.etag()));
                        if (to < content.length) {
                            return parts(key, uploadId, content, partBytes, to, done);
                        }
                        try {
                            return client.completeMultipartUploadAsync(bucket, null, key, uploadId,
                                    done.toArray(Part[]::new), null, null);
                        } catch (Exception e) {
                            throw new IllegalStateException("multipart upload not completed: " + e.getMessage(), e);
                        }
                    });
        } catch (Exception e) {
            throw new IllegalStateException("part not sent: " + e.getMessage(), e);
        }
    }

    /** Deletes what the baseline wrote. */
    @Override
    public void close() throws Exception {
        List<DeleteObject> written = new ArrayList<>();
        for (Result<Item> item : client.listObjects(ListObjectsArgs.builder()
                .bucket(bucket).prefix(prefix).recursive(true).build())) {
            written.add(new DeleteObject(item.get().objectName()));
        }
        for (Result<DeleteError> error : client.removeObjects(RemoveObjectsArgs.builder()
                .bucket(bucket).objects(written).build())) {
            throw new IllegalStateException("could not delete " + error.get().objectName());
        }
    }
}
