package dev.attache.audit.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where an audit reads from: the Kafka cluster (as a client allowed to read every topic, and to create and delete the
 * replay's own topics), the S3 bucket, and the public key checkpoints must be signed with.
 *
 * @param kafka Kafka client settings (bootstrap servers, security)
 * @param publicKey the processor's audit public key (X.509 PEM), obtained from its operator
 */
public record AuditTarget(Map<String, Object> kafka, S3Target s3, Path publicKey) {

    /** The bucket attachments are stored in, and how to reach it. */
    public record S3Target(String endpoint, String accessKey, String secretKey, String bucket, String region) {
    }
}
