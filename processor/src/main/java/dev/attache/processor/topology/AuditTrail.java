package dev.attache.processor.topology;

import java.time.Instant;
import java.util.HexFormat;

import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.attache.processor.audit.AuditEntries;
import dev.attache.processor.audit.AuditSettings;
import dev.attache.processor.audit.AuditTree;
import dev.attache.schemas.audit.AuditCheckpoint;
import dev.attache.schemas.audit.AuditEntry;
import dev.attache.schemas.audit.CheckpointSignatures;
import dev.attache.schemas.audit.TreeHashes;
import dev.attache.schemas.kafka.ContractJson;
import dev.attache.schemas.kafka.Topics;

/**
 * Appends the task's audit entries to its partition of {@code attachment-audit} and keeps that partition's Merkle
 * tree in {@code audit-tree-store}, both in the task's transaction: the tree covers exactly the committed entries.
 * Every {@code checkpointEvery} entries, and on a wall-clock timer while any wait, it signs a checkpoint of the tree
 * to the same partition of {@code audit-checkpoints}.
 */
final class AuditTrail {

    private final ProcessorContext<String, Object> context;
    private final KeyValueStore<String, AuditTree> trees;
    private final AuditSettings settings;
    private final int partition;
    private final String treeKey;
    private final String keyId;

    AuditTrail(ProcessorContext<String, Object> context, AuditSettings settings) {
        this.context = context;
        this.trees = context.getStateStore(AttachmentTopology.AUDIT_TREE_STORE);
        this.settings = settings;
        this.partition = context.taskId().partition();
        this.treeKey = Integer.toString(partition);
        this.keyId = settings.signs() ? settings.keyId() : null;
    }

    /** Where the record being processed is: its topic, partition and offset. */
    AuditEntry.Source source() {
        return context.recordMetadata().map(AuditTrail::source).orElse(null);
    }

    /** Appends {@code entry}, keyed {@code key} (its event), at {@code timestamp}. */
    void append(String key, AuditEntry entry, long timestamp) {
        byte[] bytes = AuditEntries.bytes(entry);
        AuditTree tree = current().append(TreeHashes.leaf(bytes));
        context.forward(new Record<>(key, new PinnedBytes(partition, bytes), timestamp), AttachmentTopology.AUDIT_SINK);
        if (settings.signs() && tree.unsigned() >= settings.checkpointEvery()) {
            tree = checkpoint(tree);
        }
        trees.put(treeKey, tree);
    }

    /** The timer: a checkpoint if any entry waits for one. */
    void checkpointIfWaiting(long wallClockTime) {
        AuditTree tree = current();
        if (settings.signs() && tree.unsigned() > 0) {
            trees.put(treeKey, checkpoint(tree));
        }
    }

    private AuditTree checkpoint(AuditTree tree) {
        long now = context.currentSystemTimeMs();
        AuditCheckpoint signed = CheckpointSignatures.sign(AuditCheckpoint.unsigned(Topics.ATTACHMENT_AUDIT,
                partition, tree.frontier().size(), HexFormat.of().formatHex(tree.frontier().root()),
                Instant.ofEpochMilli(now).toString(), keyId), settings.signingKey());
        byte[] bytes;
        try {
            bytes = ContractJson.MAPPER.writeValueAsBytes(signed);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A checkpoint is always serializable", e);
        }
        context.forward(new Record<>(treeKey, new PinnedBytes(partition, bytes), now),
                AttachmentTopology.CHECKPOINTS_SINK);
        return tree.checkpointedNow();
    }

    private AuditTree current() {
        AuditTree tree = trees.get(treeKey);
        return tree == null ? AuditTree.empty() : tree;
    }

    private static AuditEntry.Source source(RecordMetadata metadata) {
        return new AuditEntry.Source(metadata.topic(), metadata.partition(), metadata.offset());
    }
}
