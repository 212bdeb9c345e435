package dev.attache.ingest.s3;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.minio.BucketExistsArgs;
import io.minio.MinioClient;

/** Ready only while the bucket answers. Probes come often: the answer is reused for a few seconds. */
@Readiness
@ApplicationScoped
public class S3Readiness implements HealthCheck {

    private static final Duration REUSE = Duration.ofSeconds(3);

    private final MinioClient client;
    private final S3Config config;
    private volatile HealthCheckResponse last;
    private volatile Instant lastAt = Instant.MIN;

    S3Readiness(MinioClient client, S3Config config) {
        this.client = client;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        if (last != null && lastAt.plus(REUSE).isAfter(Instant.now())) {
            return last;
        }
        HealthCheckResponse response;
        try {
            boolean exists = client.bucketExists(BucketExistsArgs.builder().bucket(config.bucket()).build());
            response = HealthCheckResponse.named("s3").status(exists)
                    .withData("bucket", config.bucket())
                    .withData("endpoint", config.endpoint()).build();
        } catch (Exception e) {
            response = HealthCheckResponse.named("s3").down()
                    .withData("endpoint", config.endpoint())
                    .withData("error", String.valueOf(e.getMessage())).build();
        }
        last = response;
        lastAt = Instant.now();
        return response;
    }
}
