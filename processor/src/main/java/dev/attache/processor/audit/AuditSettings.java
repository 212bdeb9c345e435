package dev.attache.processor.audit;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;

import dev.attache.schemas.audit.AuditCheckpoint;
import dev.attache.schemas.audit.CheckpointSignatures;

/**
 * How the processor signs its audit trees.
 *
 * @param signingKey the Ed25519 key checkpoints are signed with; null writes the trail without checkpoints (a replay,
 *     which must not sign anything)
 * @param publicKey its public half, as published to verifiers: checkpoints name it by its id
 * @param checkpointEvery a checkpoint once this many entries were appended since the last
 * @param checkpointInterval and at least this often while any entry waits for one (wall-clock time)
 */
public record AuditSettings(PrivateKey signingKey, PublicKey publicKey, int checkpointEvery,
        Duration checkpointInterval) {

    public AuditSettings {
        if (signingKey != null && !halvesOfOneKey(signingKey, publicKey)) {
            throw new IllegalArgumentException("The audit public key is not the signing key's: verifiers would"
                    + " refuse every checkpoint");
        }
        if (checkpointEvery < 1 || checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException("Checkpoints need a positive count and interval");
        }
    }

    public static AuditSettings unsigned() {
        return new AuditSettings(null, null, Integer.MAX_VALUE, Duration.ofDays(1));
    }

    /** The id checkpoints carry: the public key's. */
    public String keyId() {
        return CheckpointSignatures.keyId(publicKey);
    }

    public boolean signs() {
        return signingKey != null;
    }

    private static boolean halvesOfOneKey(PrivateKey signingKey, PublicKey publicKey) {
        if (publicKey == null) {
            return false;
        }
        AuditCheckpoint probe = AuditCheckpoint.unsigned("probe", 0, 1, "00", "1970-01-01T00:00:00Z",
                CheckpointSignatures.keyId(publicKey));
        return CheckpointSignatures.verify(CheckpointSignatures.sign(probe, signingKey), publicKey);
    }
}
