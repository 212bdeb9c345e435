package dev.attache.schemas.session;

/**
 * One part of a session's S3 multipart upload.
 *
 * @param number S3's part number, from 1
 * @param etag the ETag S3 answered, unquoted: completing the upload checks each part against it
 * @param length bytes in the part
 */
public record SessionPart(int number, String etag, long length) {
}
