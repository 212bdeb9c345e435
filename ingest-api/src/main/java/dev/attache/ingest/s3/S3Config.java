package dev.attache.ingest.s3;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where payloads are stored: any S3 API (env {@code ATTACHE_S3_ENDPOINT}, {@code ATTACHE_S3_ACCESS_KEY}, …). */
@ConfigMapping(prefix = "attache.s3")
public interface S3Config {

    String endpoint();

    String accessKey();

    String secretKey();

    @WithDefault("attache")
    String bucket();

    @WithDefault("us-east-1")
    String region();

    /** S3 calls in flight at once, and idle connections kept for them (about the uploads expected in flight). */
    @WithDefault("64")
    int maxConnections();
}
