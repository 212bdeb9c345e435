package dev.attache.processor.audit;

import dev.attache.schemas.audit.TreeFrontier;

/**
 * One audit partition's tree as the processor keeps it (in {@code audit-tree-store}, changelogged, so it commits
 * with the entries it covers): the frontier of every entry appended, and how many the last checkpoint covered.
 */
public record AuditTree(TreeFrontier frontier, long checkpointed) {

    public static AuditTree empty() {
        return new AuditTree(TreeFrontier.empty(), 0);
    }

    public AuditTree append(byte[] leafHash) {
        return new AuditTree(frontier.append(leafHash), checkpointed);
    }

    /** Entries appended since the last checkpoint. */
    public long unsigned() {
        return frontier.size() - checkpointed;
    }

    public AuditTree checkpointedNow() {
        return new AuditTree(frontier, frontier.size());
    }
}
