package dev.attache.schemas.kafka;

import java.util.List;
import java.util.Map;

/**
 * How a topic must be created. Provisioners (the embedded stack, the Kubernetes manifests' docs) read these so the
 * settings the pipeline relies on are written down once.
 */
public record TopicSpec(String name, int partitions, Map<String, String> config) {

    /**
     * {@code max.message.bytes} of the commands topic: above the producers' {@code max.request.size} (1 MiB), so a
     * command the producer sends is never refused by the broker after the fact, when the front could no longer tell
     * whether it was written.
     */
    public static final int MAX_COMMAND_BATCH_BYTES = 1024 * 1024 + 64 * 1024;

    /** A registry topic's settings: every version kept, stamped by the broker. */
    private static final Map<String, String> HISTORY = Map.of(
            "message.timestamp.type", "LogAppendTime",
            "retention.ms", "-1",
            "cleanup.policy", "delete");

    /**
     * The topics with {@code partitions} partitions each.
     *
     * <ul>
     *   <li>commands keep broker append times ({@code lastModifiedDateTime} is derived from them) and are kept
     *       forever: replaying them is how an audit rebuilds the records;</li>
     *   <li>replies are only useful while a request waits;</li>
     *   <li>attachments are the latest record per attachment;</li>
 *   <li>the audit trail and its checkpoints are kept forever, with the commands' partition count (an entry is in
     *       its command's partition number);</li>
     *   <li>object deletions are a work queue: kept a week, long enough to outlast an S3 outage;</li>
     *   <li>the registry topics (events, shares, memberships, directory) keep their whole history, with broker append
     *       times, as the commands do: a command is decided with the registry as of its own append time, so a replay
     *       needs every version the live processor could have seen (compaction would keep only the last). The events
     *       topic has the commands' partition count: the processor reads both with one task per partition.</li>
     * </ul>
     */
    public static List<TopicSpec> all(int partitions) {
        return List.of(
                new TopicSpec(Topics.ATTACHMENT_COMMANDS, partitions, Map.of(
                        "message.timestamp.type", "LogAppendTime",
                        "retention.ms", "-1",
                        "cleanup.policy", "delete",
                        "max.message.bytes", Integer.toString(MAX_COMMAND_BATCH_BYTES))),
                new TopicSpec(Topics.ATTACHMENT_REPLIES, partitions, Map.of(
                        "retention.ms", "3600000",
                        "cleanup.policy", "delete")),
                new TopicSpec(Topics.ATTACHMENTS, partitions, Map.of(
                        "cleanup.policy", "compact")),
                new TopicSpec(Topics.UPLOAD_SESSIONS, partitions, Map.of(
                        "cleanup.policy", "compact")),
                new TopicSpec(Topics.CALENDAR_EVENTS, partitions, HISTORY),
                new TopicSpec(Topics.CALENDAR_SHARES, 1, HISTORY),
                new TopicSpec(Topics.GROUP_MEMBERSHIPS, 1, HISTORY),
                new TopicSpec(Topics.USER_DIRECTORY, 1, HISTORY),
                // the trail and its checkpoints are the audit record: kept whole, never compacted
                new TopicSpec(Topics.ATTACHMENT_AUDIT, partitions, Map.of(
                        "retention.ms", "-1",
                        "cleanup.policy", "delete")),
                new TopicSpec(Topics.AUDIT_CHECKPOINTS, partitions, Map.of(
                        "retention.ms", "-1",
                        "cleanup.policy", "delete")),
                // a request is carried out within seconds; a week leaves room for a long S3 outage
                new TopicSpec(Topics.OBJECT_DELETIONS, partitions, Map.of(
                        "retention.ms", Long.toString(7L * 24 * 3600 * 1000),
                        "cleanup.policy", "delete")));
    }
}
