package dev.attache.processor.objects;

import java.time.Duration;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import okhttp3.OkHttpClient;

/**
 * The application's S3 clients: the blocking one, and the asynchronous one for what the blocking client keeps
 * protected (aborting and listing multipart uploads, for upload sessions).
 */
public class MinioClientProducer {

    @Produces
    @Singleton
    MinioClient minioClient(S3Config config) {
        return MinioClient.builder().endpoint(config.endpoint()).credentials(config.accessKey(), config.secretKey())
                .region(config.region()).httpClient(http(config)).build();
    }

    @Produces
    @Singleton
    MinioAsyncClient minioAsyncClient(S3Config config) {
        return MinioAsyncClient.builder().endpoint(config.endpoint())
                .credentials(config.accessKey(), config.secretKey()).region(config.region()).httpClient(http(config))
                .build();
    }

    /** Every call bounded by {@code attache.s3.timeout}: connect, write and read. */
    private static OkHttpClient http(S3Config config) {
        Duration timeout = config.timeout();
        return new OkHttpClient.Builder().connectTimeout(timeout).writeTimeout(timeout).readTimeout(timeout).build();
    }
}
