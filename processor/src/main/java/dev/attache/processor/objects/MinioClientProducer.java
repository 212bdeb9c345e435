package dev.attache.processor.objects;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.minio.MinioClient;

/** The one S3 client of the application. */
public class MinioClientProducer {

    @Produces
    @Singleton
    MinioClient minioClient(S3Config config) {
        MinioClient client = MinioClient.builder()
                .endpoint(config.endpoint())
                .credentials(config.accessKey(), config.secretKey())
                .region(config.region())
                .build();
        long millis = config.timeout().toMillis();
        client.setTimeout(millis, millis, millis);
        return client;
    }
}
