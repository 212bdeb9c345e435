package dev.attache.audit.verify;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import dev.attache.audit.log.Trail;
import dev.attache.audit.log.TrailEntry;
import dev.attache.schemas.audit.AuditCheckpoint;
import dev.attache.schemas.audit.CheckpointSignatures;
import dev.attache.schemas.audit.MerkleTree;
import dev.attache.schemas.audit.TreeHashes;
import dev.attache.schemas.audit.TreeProofs;

/**
 * Each partition's checkpoints against its trail: every checkpoint signed by the trusted key, its root the root of the
 * entries it covers, and each one an extension of the one before (an RFC 9162 consistency proof, built from the
 * trail and verified against the two signed roots). Without the key, nobody can make a rewritten trail match.
 */
public final class TreeCheck {

    private static final HexFormat HEX = HexFormat.of();

    private TreeCheck() {
    }

    /**
     * The entries no checkpoint signed by {@code trusted} covers, by partition: the last stretch since the latest
     * checkpoint (at most a checkpoint interval, normally), or a whole partition without one. Not differences, but
     * nothing proves them.
     */
    public static List<String> unsigned(Trail trail, PublicKey trusted) {
        List<String> unsigned = new ArrayList<>();
        trail.entries().forEach((partition, entries) -> {
            long signed = trail.checkpoints().getOrDefault(partition, List.of()).stream()
                    .filter(c -> CheckpointSignatures.verify(c, trusted))
                    .mapToLong(AuditCheckpoint::treeSize).max().orElse(0);
            if (entries.size() > signed) {
                unsigned.add("attachment-audit " + partition + ": the last " + (entries.size() - signed) + " of "
                        + entries.size() + " entries, under no signed checkpoint yet");
            }
        });
        return unsigned;
    }

    public static List<Difference> check(Trail trail, PublicKey trusted) {
        List<Difference> differences = new ArrayList<>();
        trail.unreadableCheckpoints().forEach(at -> differences.add(new Difference(Difference.CHECKPOINT_FORGED,
                null, "audit-checkpoints " + at, "not a checkpoint")));
        for (Map.Entry<Integer, List<AuditCheckpoint>> partition : trail.checkpoints().entrySet()) {
            List<TrailEntry> entries = trail.entries().getOrDefault(partition.getKey(), List.of());
            MerkleTree tree = new MerkleTree();
            entries.forEach(entry -> tree.append(TreeHashes.leaf(entry.bytes())));
            AuditCheckpoint previous = null;
            for (AuditCheckpoint checkpoint : partition.getValue()) {
                String where = "audit-checkpoints " + partition.getKey() + " size " + checkpoint.treeSize();
                if (checkpoint.partition() != partition.getKey()
                        || !CheckpointSignatures.verify(checkpoint, trusted)) {
                    differences.add(new Difference(Difference.CHECKPOINT_FORGED, null, where,
                            "not signed by the trusted key " + CheckpointSignatures.keyId(trusted)
                                    + " (it names key " + checkpoint.keyId() + ")"));
                    continue;
                }
                if (checkpoint.treeSize() > tree.size()) {
                    differences.add(new Difference(Difference.CHECKPOINT_MISMATCH, null, where, "signed for "
                            + checkpoint.treeSize() + " entries; the trail has " + tree.size()
                            + ": entries were dropped"));
                    continue;
                }
                byte[] root = tree.root(checkpoint.treeSize());
                if (!HEX.formatHex(root).equals(checkpoint.rootHash())) {
                    differences.add(new Difference(Difference.CHECKPOINT_MISMATCH, null, where, "the first "
                            + checkpoint.treeSize() + " entries hash to " + HEX.formatHex(root) + ", signed "
                            + checkpoint.rootHash() + ": an entry at or before it was rewritten, reordered or"
                            + " dropped"));
                    continue;
                }
                if (previous != null && previous.treeSize() > checkpoint.treeSize()) {
                    differences.add(new Difference(Difference.CHECKPOINT_INCONSISTENT, null, where,
                            "signed after the checkpoint of size " + previous.treeSize() + ", for fewer entries"));
                    continue;
                }
                if (previous != null && !TreeProofs.verifyConsistency(previous.treeSize(), checkpoint.treeSize(),
                        tree.consistencyProof(previous.treeSize(), checkpoint.treeSize()),
                        HEX.parseHex(previous.rootHash()), HEX.parseHex(checkpoint.rootHash()))) {
                    differences.add(new Difference(Difference.CHECKPOINT_INCONSISTENT, null, where,
                            "does not extend the checkpoint of size " + previous.treeSize()));
                }
                previous = checkpoint;
            }
        }
        return differences;
    }
}
