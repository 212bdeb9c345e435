package dev.attache.audit.verify;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.LongConsumer;

import dev.attache.audit.cli.AuditTarget;
import dev.attache.schemas.attachment.AttachmentRecord;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.errors.ErrorResponseException;

/**
 * A live record's object against what the record says of it: there, of its length, with its SHA-256, read as a
 * stream (never whole in memory).
 */
public final class ObjectCheck implements AutoCloseable {

    private static final int BUFFER = 256 * 1024;

    private final MinioClient s3;
    private final String bucket;

    public ObjectCheck(AuditTarget.S3Target target) {
        this.s3 = MinioClient.builder().endpoint(target.endpoint()).credentials(target.accessKey(),
                target.secretKey()).region(target.region()).build();
        this.bucket = target.bucket();
    }

    /** What is wrong with {@code record}'s object, if anything; {@code read} counts the bytes read. */
    public Optional<Difference> check(String key, AttachmentRecord record, LongConsumer read) {
        String objectKey = record.object().key();
        // on a versioned bucket, the version the record names: an overwrite of the key is another version
        try (InputStream in = s3.getObject(GetObjectArgs.builder().bucket(bucket).object(objectKey)
                .versionId(record.object().versionId()).build())) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[BUFFER];
            long length = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
                length += n;
                read.accept(n);
            }
            if (length != record.object().length()) {
                return Optional.of(new Difference(Difference.OBJECT_LENGTH, record.attachmentId(), objectKey,
                        "the record says " + record.object().length() + " bytes; the object has " + length));
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            if (!hash.equals(record.object().sha256())) {
                return Optional.of(new Difference(Difference.OBJECT_HASH, record.attachmentId(), objectKey,
                        "the record says SHA-256 " + record.object().sha256() + "; the object hashes to " + hash));
            }
            return Optional.empty();
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code()) || "NoSuchVersion".equals(e.errorResponse().code())) {
                return Optional.of(new Difference(Difference.OBJECT_MISSING, record.attachmentId(), objectKey,
                        "the record " + key + " has no object"));
            }
            throw new IllegalStateException("S3 refused to read " + objectKey + ": " + e.getMessage(), e);
        } catch (IOException | GeneralSecurityException | io.minio.errors.MinioException e) {
            throw new IllegalStateException("Cannot read " + objectKey + " from S3: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws Exception {
        s3.close();
    }
}
