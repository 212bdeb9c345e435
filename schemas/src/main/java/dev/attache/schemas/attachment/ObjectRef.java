package dev.attache.schemas.attachment;

/**
 * Where an attachment's content lies in S3 (the claim check): the payload never rides in Kafka.
 *
 * @param bucket the bucket
 * @param key the object key: tenant and generated attachment id, never client input
 * @param length the stored length in bytes
 * @param sha256 lower-case hex SHA-256 of the stored bytes, computed while streaming
 */
public record ObjectRef(String bucket, String key, long length, String sha256) {
}
