package dev.attache.audit.trail;

import java.security.PublicKey;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import dev.attache.audit.log.Trail;
import dev.attache.audit.log.TrailEntry;
import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.schemas.attachment.AttachmentReply;
import dev.attache.schemas.audit.AuditCheckpoint;
import dev.attache.schemas.audit.CheckpointSignatures;
import dev.attache.schemas.audit.MerkleTree;
import dev.attache.schemas.audit.TreeHashes;
import dev.attache.schemas.audit.TreeProofs;

/**
 * That an attachment's outcome is in the signed trail: its add's entry as leaf {@code leafIndex} of its partition's
 * tree, the RFC 9162 inclusion path to the root of the latest checkpoint that covers it, and whether the path and
 * the checkpoint's signature verify. Anyone with the entry, the path and the checkpoint can check it again.
 */
public record InclusionProof(String attachmentId, int partition, long leafIndex, String entry, String leafHash,
        List<String> path, AuditCheckpoint checkpoint, boolean signatureValid, boolean pathValid) {

    public boolean verified() {
        return signatureValid && pathValid;
    }

    /**
     * The proof for {@code attachmentId}'s outcome (its created add; else its last entry), against the latest valid
     * checkpoint of its partition that covers it; empty when the trail has no entry of it or no checkpoint covers it.
     */
    public static Optional<InclusionProof> of(Trail trail, String tenantId, String attachmentId, PublicKey trusted) {
        List<TrailEntry> own = trail.all().stream().filter(e -> e.entry() != null)
                .filter(e -> attachmentId.equals(e.entry().attachmentId()))
                .filter(e -> tenantId == null || tenantId.equals(e.entry().tenantId())).toList();
        Optional<TrailEntry> outcome = own.stream().filter(e -> AttachmentCommand.TYPE_ADD.equals(e.entry().action())
                && AttachmentReply.CREATED.equals(e.entry().outcome()) && !e.entry().repeat()).findFirst()
                .or(() -> own.isEmpty() ? Optional.empty() : Optional.of(own.get(own.size() - 1)));
        if (outcome.isEmpty()) {
            return Optional.empty();
        }
        TrailEntry leaf = outcome.get();
        Optional<AuditCheckpoint> checkpoint = trail.checkpoints().getOrDefault(leaf.partition(), List.of()).stream()
                .filter(c -> c.treeSize() > leaf.index())
                .filter(c -> CheckpointSignatures.verify(c, trusted))
                .max(Comparator.comparingLong(AuditCheckpoint::treeSize));
        if (checkpoint.isEmpty()) {
            return Optional.empty();
        }
        List<TrailEntry> entries = trail.entries().get(leaf.partition());
        MerkleTree tree = new MerkleTree();
        long size = Math.min(checkpoint.get().treeSize(), entries.size());
        for (int i = 0; i < size; i++) {
            tree.append(TreeHashes.leaf(entries.get(i).bytes()));
        }
        HexFormat hex = HexFormat.of();
        byte[] leafHash = TreeHashes.leaf(leaf.bytes());
        List<byte[]> path = tree.inclusionPath(leaf.index(), size);
        boolean pathValid = TreeProofs.verifyInclusion(leafHash, leaf.index(), checkpoint.get().treeSize(), path,
                hex.parseHex(checkpoint.get().rootHash()));
        return Optional.of(new InclusionProof(attachmentId, leaf.partition(), leaf.index(),
                new String(leaf.bytes(), java.nio.charset.StandardCharsets.UTF_8), hex.formatHex(leafHash),
                path.stream().map(hex::formatHex).toList(), checkpoint.get(),
                CheckpointSignatures.verify(checkpoint.get(), trusted), pathValid));
    }
}
