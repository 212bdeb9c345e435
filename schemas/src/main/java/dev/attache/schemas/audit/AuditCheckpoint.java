package dev.attache.schemas.audit;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A signed statement of one partition's audit tree (schema {@code audit-checkpoint.v1.json}): "the first
 * {@code treeSize} entries of partition {@code partition} of {@code log} hash to {@code rootHash}". The processor signs
 * one every N entries or T seconds with a key only it holds; a verifier who trusts the public key can then detect any
 * entry rewritten, reordered or dropped at or before that size, and check that successive checkpoints only append.
 *
 * @param log the audit topic
 * @param partition the partition whose entries the tree holds, in offset order
 * @param treeSize how many entries the tree holds
 * @param rootHash lower-case hex of the tree's root (RFC 9162 §2.1)
 * @param issuedAt ISO-8601 UTC instant when the processor signed it
 * @param keyId lower-case hex of the first 8 bytes of the SHA-256 of the signing key's X.509 encoding
 * @param signature base64 Ed25519 signature of {@link #signedText()}
 */
public record AuditCheckpoint(int schemaVersion, String log, int partition, long treeSize, String rootHash,
        String issuedAt, String keyId, String signature) {

    public static final int SCHEMA_VERSION = 1;
    /** The first line of every signed text: what the signature is over, so it cannot be replayed as another kind. */
    public static final String HEADER = "attache-audit-checkpoint/v1";

    /** Exactly what is signed: one value per line, in a fixed order, with nothing a JSON encoder could vary. */
    @JsonIgnore
    public byte[] signedText() {
        return (HEADER + "\n" + log + "\n" + partition + "\n" + treeSize + "\n" + rootHash + "\n" + issuedAt + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** This checkpoint, unsigned so far, for {@code keyId}. */
    public static AuditCheckpoint unsigned(String log, int partition, long treeSize, String rootHash,
            String issuedAt, String keyId) {
        return new AuditCheckpoint(SCHEMA_VERSION, log, partition, treeSize, rootHash, issuedAt, keyId, null);
    }

    public AuditCheckpoint withSignature(String signature) {
        return new AuditCheckpoint(schemaVersion, log, partition, treeSize, rootHash, issuedAt, keyId, signature);
    }
}
