package dev.attache.processor.audit;

import java.nio.file.Path;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the audit trail is signed ({@code ATTACHE_AUDIT_*} environment variables). */
@ConfigMapping(prefix = "attache.audit")
public interface AuditConfig {

    /** The Ed25519 private key (PKCS#8 PEM) checkpoints are signed with: this processor's alone. */
    Path signingKeyFile();

    /** Its public half (X.509 PEM), as published to auditors: checkpoints carry its id. */
    Path publicKeyFile();

    /** A checkpoint once this many entries were appended to a partition since its last one. */
    @WithDefault("1000")
    int checkpointEvery();

    /** And at least this often while any entry waits for one. */
    @WithDefault("60S")
    Duration checkpointInterval();

    /**
     * Writes the trail without checkpoints: for a replay (which must sign nothing), never a deployment, whose trail
     * would then prove nothing.
     */
    @WithDefault("false")
    boolean unsigned();

    default AuditSettings settings() {
        if (unsigned()) {
            return AuditSettings.unsigned();
        }
        return new AuditSettings(SigningKeyFile.privateKey(signingKeyFile()), SigningKeyFile.publicKey(
                publicKeyFile()), checkpointEvery(), checkpointInterval());
    }
}
