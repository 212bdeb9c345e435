package dev.attache.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.attache.audit.Entries;
import dev.attache.audit.log.Trail;
import dev.attache.audit.log.TrailEntry;
import dev.attache.schemas.audit.AuditCheckpoint;
import dev.attache.schemas.audit.CheckpointSignatures;
import dev.attache.schemas.audit.MerkleTree;
import dev.attache.schemas.audit.TreeHashes;

class ComparisonsTest {

    static byte[] record(String id, String name) {
        return ("{\"attachmentId\":\"" + id + "\",\"name\":\"" + name + "\",\"lastModifiedDateTime\":"
                + "\"2026-12-07T10:00:00Z\",\"object\":{\"key\":\"k\",\"length\":1}}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void recordsMissingExtraOrChangedAreNamedByAttachment() {
        Map<String, byte[]> replayed = Map.of("t/e/a1", record("a1", "x"), "t/e/a2", record("a2", "y"));
        Map<String, byte[]> live = Map.of("t/e/a1", record("a1", "forged"), "t/e/a3", record("a3", "z"));

        List<Difference> differences = RecordComparison.compare(replayed, live, "topic attachments",
                Instant.EPOCH);

        assertThat(differences).extracting(Difference::kind, Difference::attachmentId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Difference.RECORD_CHANGED, "a1"),
                org.assertj.core.groups.Tuple.tuple(Difference.RECORD_MISSING, "a2"),
                org.assertj.core.groups.Tuple.tuple(Difference.RECORD_EXTRA, "a3"));
        assertThat(RecordComparison.compare(replayed, live, "topic attachments",
                Instant.parse("2026-12-08T00:00:00Z"))).as("all older than --from").isEmpty();
    }

    @Test
    void trailEntriesAreComparedPositionByPosition() {
        List<TrailEntry> replayed = new Entries().add(Entries.TENANT, "E", "a1", Entries.ALICE, "created",
                "2026-12-07T10:00:00Z").add(Entries.TENANT, "E", "a2", Entries.ALICE, "created",
                "2026-12-07T10:01:00Z").list();
        List<TrailEntry> rewritten = new Entries().add(Entries.TENANT, "E", "a1", Entries.BOB, "created",
                "2026-12-07T10:00:00Z").list();

        List<Difference> differences = TrailComparison.compare(Map.of(0, replayed), Map.of(0, rewritten),
                Instant.EPOCH);

        assertThat(differences).extracting(Difference::kind, Difference::attachmentId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Difference.ENTRY_CHANGED, "a1"),
                org.assertj.core.groups.Tuple.tuple(Difference.ENTRY_MISSING, "a2"));
    }

    @Test
    void checkpointsMustBeSignedByTheTrustedKeyAndMatchTheTrail() throws Exception {
        KeyPair trusted = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair forger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        List<TrailEntry> entries = new Entries().add(Entries.TENANT, "E", "a1", Entries.ALICE, "created",
                "2026-12-07T10:00:00Z").add(Entries.TENANT, "E", "a2", Entries.ALICE, "created",
                "2026-12-07T10:01:00Z").add(Entries.TENANT, "E", "a3", Entries.ALICE, "created",
                "2026-12-07T10:02:00Z").list();
        MerkleTree tree = new MerkleTree();
        entries.forEach(e -> tree.append(TreeHashes.leaf(e.bytes())));
        AuditCheckpoint at2 = sign(2, tree.root(2), trusted);
        AuditCheckpoint at3 = sign(3, tree.root(3), trusted);
        AuditCheckpoint forged = sign(3, tree.root(3), forger);
        AuditCheckpoint wrongRoot = sign(3, tree.root(2), trusted);
        AuditCheckpoint beyond = sign(4, tree.root(3), trusted);

        assertThat(TreeCheck.check(trail(entries, at2, at3), trusted.getPublic())).isEmpty();
        assertThat(TreeCheck.unsigned(trail(entries, at2, at3), trusted.getPublic())).isEmpty();
        assertThat(TreeCheck.unsigned(trail(entries, at2, forged), trusted.getPublic()))
                .containsExactly("attachment-audit 0: the last 1 of 3 entries, under no signed checkpoint yet");
        assertThat(TreeCheck.check(trail(entries, at2, forged), trusted.getPublic()))
                .extracting(Difference::kind).containsExactly(Difference.CHECKPOINT_FORGED);
        assertThat(TreeCheck.check(trail(entries, wrongRoot), trusted.getPublic()))
                .extracting(Difference::kind).containsExactly(Difference.CHECKPOINT_MISMATCH);
        assertThat(TreeCheck.check(trail(entries, beyond), trusted.getPublic()))
                .extracting(Difference::detail).allMatch(d -> d.contains("dropped"));
        assertThat(TreeCheck.check(trail(entries, at3, at2), trusted.getPublic()))
                .extracting(Difference::kind).containsExactly(Difference.CHECKPOINT_INCONSISTENT);
        List<TrailEntry> rewritten = new Entries().add(Entries.TENANT, "E", "a1", Entries.BOB, "created",
                "2026-12-07T10:00:00Z").list();
        List<TrailEntry> tampered = List.of(rewritten.get(0), entries.get(1), entries.get(2));
        assertThat(TreeCheck.check(trail(tampered, at2, at3), trusted.getPublic()))
                .extracting(Difference::kind).containsOnly(Difference.CHECKPOINT_MISMATCH).hasSize(2);
    }

    static AuditCheckpoint sign(long size, byte[] root, KeyPair keys) {
        return CheckpointSignatures.sign(AuditCheckpoint.unsigned("attachment-audit", 0, size,
                HexFormat.of().formatHex(root), "2026-12-07T10:05:00Z", CheckpointSignatures.keyId(keys.getPublic())),
                keys.getPrivate());
    }

    static Trail trail(List<TrailEntry> entries, AuditCheckpoint... checkpoints) {
        return new Trail(Map.of(0, entries), Map.of(0, List.of(checkpoints)), List.of());
    }
}
