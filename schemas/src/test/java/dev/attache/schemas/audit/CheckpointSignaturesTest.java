package dev.attache.schemas.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;

import org.junit.jupiter.api.Test;

class CheckpointSignaturesTest {

    static KeyPair keys() throws Exception {
        return KeyPairGenerator.getInstance(CheckpointSignatures.ALGORITHM).generateKeyPair();
    }

    static AuditCheckpoint signed(KeyPair keys) {
        return CheckpointSignatures.sign(AuditCheckpoint.unsigned("attachment-audit", 3, 1000, "ab".repeat(32),
                "2026-12-07T19:00:00Z", CheckpointSignatures.keyId(keys.getPublic())), keys.getPrivate());
    }

    @Test
    void aSignedCheckpointVerifiesWithItsKeyAndAfterAJsonRoundTrip() throws Exception {
        KeyPair keys = keys();
        AuditCheckpoint checkpoint = signed(keys);
        AuditCheckpoint read = dev.attache.schemas.kafka.ContractJson.MAPPER.readValue(
                dev.attache.schemas.kafka.ContractJson.MAPPER.writeValueAsBytes(checkpoint), AuditCheckpoint.class);

        assertThat(CheckpointSignatures.verify(checkpoint, keys.getPublic())).isTrue();
        assertThat(CheckpointSignatures.verify(read, keys.getPublic())).isTrue();
        assertThat(CheckpointSignatures.verify(read, CheckpointSignatures.publicKey(keys.getPublic().getEncoded())))
                .isTrue();
    }

    @Test
    void anyChangedValueAnotherKeyOrNoSignatureFails() throws Exception {
        KeyPair keys = keys();
        KeyPair forger = keys();
        AuditCheckpoint checkpoint = signed(keys);
        AuditCheckpoint c = checkpoint;

        assertThat(CheckpointSignatures.verify(new AuditCheckpoint(1, c.log(), c.partition(), c.treeSize() + 1,
                c.rootHash(), c.issuedAt(), c.keyId(), c.signature()), keys.getPublic())).isFalse();
        assertThat(CheckpointSignatures.verify(new AuditCheckpoint(1, c.log(), c.partition() + 1, c.treeSize(),
                c.rootHash(), c.issuedAt(), c.keyId(), c.signature()), keys.getPublic())).isFalse();
        assertThat(CheckpointSignatures.verify(new AuditCheckpoint(1, c.log(), c.partition(), c.treeSize(),
                "cd".repeat(32), c.issuedAt(), c.keyId(), c.signature()), keys.getPublic())).isFalse();
        assertThat(CheckpointSignatures.verify(c.withSignature(null), keys.getPublic())).isFalse();
        assertThat(CheckpointSignatures.verify(c.withSignature("not base64!"), keys.getPublic())).isFalse();
        assertThat(CheckpointSignatures.verify(signed(forger), keys.getPublic())).as("signed by another key")
                .isFalse();
        assertThat(CheckpointSignatures.verify(c, forger.getPublic())).isFalse();
    }
}
