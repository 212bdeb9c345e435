package dev.attache.processor.topology;

import java.util.List;

import dev.attache.schemas.kafka.Topics;

/**
 * The topics the topology reads and writes. Live, they are {@link Topics}'s. A replay reads the same inputs and
 * writes every output to a shadow topic of its own (and every reply to one shadow topic), so replaying the log
 * writes nothing a client, the deleter or the live processor reads.
 *
 * @param replies where every reply goes, whatever its command asked; null: where the command asked (live)
 */
public record TopologyTopics(String commands, String calendarEvents, String shares, String memberships,
        String directory, String attachments, String eventsOut, String uploadSessions, String objectDeletions,
        String audit, String checkpoints, String replies) {

    public static TopologyTopics live() {
        return new TopologyTopics(Topics.ATTACHMENT_COMMANDS, Topics.CALENDAR_EVENTS, Topics.CALENDAR_SHARES,
                Topics.GROUP_MEMBERSHIPS, Topics.USER_DIRECTORY, Topics.ATTACHMENTS, Topics.CALENDAR_EVENTS,
                Topics.UPLOAD_SESSIONS, Topics.OBJECT_DELETIONS, Topics.ATTACHMENT_AUDIT, Topics.AUDIT_CHECKPOINTS,
                null);
    }

    /** The live inputs, and every output under {@code prefix}: a replay's. */
    public static TopologyTopics shadow(String prefix) {
        TopologyTopics live = live();
        return new TopologyTopics(live.commands, live.calendarEvents, live.shares, live.memberships, live.directory,
                prefix + live.attachments, prefix + live.eventsOut, prefix + live.uploadSessions,
                prefix + live.objectDeletions, prefix + live.audit, prefix + live.checkpoints,
                prefix + Topics.ATTACHMENT_REPLIES);
    }

    /** Every topic the topology writes (the sinks must exist before it starts: Streams does not create them). */
    public List<String> outputs() {
        return replies == null
                ? List.of(attachments, eventsOut, uploadSessions, objectDeletions, audit, checkpoints)
                : List.of(attachments, eventsOut, uploadSessions, objectDeletions, audit, checkpoints, replies);
    }
}
