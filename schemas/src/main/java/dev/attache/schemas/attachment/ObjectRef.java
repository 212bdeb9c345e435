package dev.attache.schemas.attachment;

/**
 * Where an attachment's content lies in S3 (the claim check): the payload never rides in Kafka.
 *
 * @param bucket the bucket
 * @param key the object key: tenant and generated attachment id, never client input
 * @param length the stored length in bytes
 * @param sha256 lower-case hex SHA-256 of the stored bytes, computed while streaming
 * @param versionId the S3 version the bytes were stored as, when the bucket is versioned (else null): what an audit
 *     reads back, so an overwrite of the key cannot pass for the attachment's content
 */
public record ObjectRef(String bucket, String key, long length, String sha256, String versionId) {

    /** An object of a bucket without versioning. */
    public ObjectRef(String bucket, String key, long length, String sha256) {
        this(bucket, key, length, sha256, null);
    }
}
