package dev.attache.ingest.s3;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.minio.MinioClient;

/** The one S3 client of the app. MinIO's client speaks plain S3, so any S3 store works. */
public class MinioClientProducer {

    @Produces
    @ApplicationScoped
    MinioClient minioClient(S3Config config) {
        return MinioClient.builder()
                .endpoint(config.endpoint())
                .credentials(config.accessKey(), config.secretKey())
                .region(config.region())
                .build();
    }
}
