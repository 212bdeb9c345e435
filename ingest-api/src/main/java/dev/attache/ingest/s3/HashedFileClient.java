package dev.attache.ingest.s3;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.google.common.collect.HashMultimap;
import com.google.common.collect.Multimap;

import io.minio.MinioAsyncClient;
import io.minio.ObjectWriteResponse;
import io.minio.http.Method;
import okhttp3.Headers;
import okhttp3.Response;

/**
 * MinIO's async client, plus PUTs of a spooled file whose SHA-256 was computed while the file was written. Given a
 * file alone, the client reads it once more just to hash it (over plain HTTP SigV4 signs the payload's hash, in
 * {@code x-amz-content-sha256}); given the hash, it sends the file once. S3 checks the payload against the signed
 * hash, so bytes that changed on disk after they were measured are refused, not stored.
 *
 * <p>The client takes a precomputed hash only inside its {@code PartSource}, a class it keeps package-private; its
 * public constructor is reached once, by reflection, when this class loads, so a MinIO upgrade that changes it fails
 * loudly (at the first upload, and in this class's test) rather than quietly hashing twice.
 */
public final class HashedFileClient extends MinioAsyncClient {

    private static final MethodHandle PART_SOURCE = partSourceConstructor();

    HashedFileClient(MinioAsyncClient client) {
        super(client);
    }

    /** PUTs {@code file} as {@code key}: the object, with its version id when the bucket keeps versions. */
    public CompletableFuture<ObjectWriteResponse> putFile(String bucket, String region, String key, Path file,
            long length, String sha256, Map<String, String> headers) {
        return send(bucket, region, key, file, length, sha256, headers, HashMultimap.create()).thenApply(response -> {
            try (response) {
                return new ObjectWriteResponse(response.headers(), bucket, region, key, unquoted(response.header(
                        "ETag")), response.header("x-amz-version-id"));
            }
        });
    }

    /** PUTs {@code file} as part {@code number} of a multipart upload: the part's ETag, unquoted. */
    public CompletableFuture<String> uploadPartFile(String bucket, String region, String key, String uploadId,
            int number, Path file, long length, String sha256) {
        Multimap<String, String> query = HashMultimap.create();
        query.put("partNumber", Integer.toString(number));
        query.put("uploadId", uploadId);
        return send(bucket, region, key, file, length, sha256, Map.of(), query).thenApply(response -> {
            try (response) {
                return unquoted(response.header("ETag"));
            }
        });
    }

    private CompletableFuture<Response> send(String bucket, String region, String key, Path file, long length,
            String sha256, Map<String, String> headers, Multimap<String, String> query) {
        RandomAccessFile source;
        try {
            source = new RandomAccessFile(file.toFile(), "r");
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Response> sent;
        try {
            Object body = partSource(source, length, sha256);
            sent = getRegionAsync(bucket, region).thenCompose(location -> {
                try {
                    return executeAsync(Method.PUT, bucket, key, location, Headers.of(headers), query, body,
                            (int) length);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
        } catch (Exception e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.whenComplete((response, failure) -> close(source));
    }

    /** The file from its current position, {@code length} bytes, as MinIO's one part of a PUT. */
    private static Object partSource(RandomAccessFile source, long length, String sha256) throws IOException {
        try {
            return PART_SOURCE.invoke(1, source, length, (String) null, sha256);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("MinIO's PartSource constructor failed", e);
        }
    }

    private static MethodHandle partSourceConstructor() {
        try {
            Class<?> partSource = Class.forName("io.minio.PartSource", false, MinioAsyncClient.class.getClassLoader());
            var constructor = partSource.getDeclaredConstructor(int.class, RandomAccessFile.class, long.class,
                    String.class, String.class);
            constructor.setAccessible(true);
            return MethodHandles.lookup().unreflectConstructor(constructor)
                    .asType(MethodType.methodType(Object.class, int.class, RandomAccessFile.class, long.class,
                            String.class, String.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static void close(RandomAccessFile source) {
        try {
            source.close();
        } catch (IOException ignored) {
            // read-only; nothing was lost
        }
    }

    /** S3 quotes ETags in some answers and not in others (S3Proxy: multipart ones quoted). */
    static String unquoted(String etag) {
        return etag != null && etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
                ? etag.substring(1, etag.length() - 1) : etag;
    }
}
