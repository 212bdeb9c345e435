package dev.attache.processor.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import dev.attache.processor.objects.S3Config;
import io.minio.BucketExistsArgs;
import io.minio.MinioClient;

/**
 * Ready only when the payload bucket answers: rejected commands delete from it. Cached for
 * {@code attache.s3.health-cache-ttl}; a probe against an unreachable endpoint waits at most
 * {@code attache.s3.timeout}, which the Kubernetes probe timeout should exceed.
 */
@Readiness
@ApplicationScoped
public class BucketReadiness implements HealthCheck {

    static final String NAME = "S3 bucket";

    private final CachedCheck cached;

    public BucketReadiness(MinioClient client, S3Config config) {
        this.cached = new CachedCheck(() -> check(client, config.bucket()), config.healthCacheTtl(),
                System::nanoTime);
    }

    @Override
    public HealthCheckResponse call() {
        return cached.get();
    }

    private static HealthCheckResponse check(MinioClient client, String bucket) {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named(NAME).withData("bucket", bucket);
        try {
            boolean exists = client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
            return (exists ? builder.up() : builder.down().withData("error", "no such bucket")).build();
        } catch (Exception e) {
            return builder.down().withData("error", e.toString()).build();
        }
    }
}
