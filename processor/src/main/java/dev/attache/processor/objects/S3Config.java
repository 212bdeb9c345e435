package dev.attache.processor.objects;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the payloads are ({@code ATTACHE_S3_*} environment variables). Any S3 API; nothing MinIO-specific. */
@ConfigMapping(prefix = "attache.s3")
public interface S3Config {

    /** e.g. {@code http://localhost:9000}. */
    String endpoint();

    String accessKey();

    String secretKey();

    /** The only bucket the processor deletes from, and the one readiness checks. */
    @WithDefault("attache")
    String bucket();

    /** Set explicitly so the client never asks the server for the bucket's location. */
    @WithDefault("us-east-1")
    String region();

    /**
     * Connect, read and write timeout of each S3 request. Deletes run on the stream thread, so this bounds how long
     * one rejected command can hold up its partition (the client's default is minutes).
     */
    @WithDefault("5S")
    Duration timeout();

    /** How long a bucket check answers readiness before it is made again. */
    @WithDefault("5S")
    Duration healthCacheTtl();
}
