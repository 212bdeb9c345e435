package dev.attache.ingest.s3;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The one S3 client of the app. MinIO's client speaks plain S3, so any S3 store works.
 *
 * <p>Its HTTP client is sized here: MinIO's default runs every call through OkHttp's dispatcher, which lets 5 calls
 * per host run at once and keeps 5 idle connections, so at 64 uploads in flight 59 waited in a queue and
 * connections were opened and closed all the time.
 */
public class MinioClientProducer {

    @Produces
    @ApplicationScoped
    MinioClient minioClient(S3Config config) {
        return MinioClient.builder()
                .endpoint(config.endpoint())
                .credentials(config.accessKey(), config.secretKey())
                .region(config.region())
                .httpClient(http(config))
                .build();
    }

    /**
     * For what the blocking client keeps protected: the steps of a multipart upload, for upload sessions, and PUTs
     * of files already hashed. A singleton: the class cannot be proxied.
     */
    @Produces
    @Singleton
    HashedFileClient hashedFileClient(S3Config config) {
        return new HashedFileClient(MinioAsyncClient.builder()
                .endpoint(config.endpoint())
                .credentials(config.accessKey(), config.secretKey())
                .region(config.region())
                .httpClient(http(config))
                .build());
    }

    private static OkHttpClient http(S3Config config) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(config.maxConnections());
        dispatcher.setMaxRequestsPerHost(config.maxConnections());
        OkHttpClient http = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                // idle connections go before the S3 server closes them (S3Proxy's Jetty after 30 s, AWS S3 after
                // about 20): a pooled connection the server already closed fails the next call with "unexpected
                // end of stream", and calls are not retried (a PUT must not be sent twice behind our back)
                .connectionPool(new ConnectionPool(config.maxConnections(), 15, TimeUnit.SECONDS))
                .connectTimeout(Duration.ofSeconds(10))
                .writeTimeout(Duration.ofMinutes(1))
                .readTimeout(Duration.ofMinutes(1))
                .retryOnConnectionFailure(false)
                .build();
        return http;
    }
}
