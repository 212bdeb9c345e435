package dev.attache.audit.cli;

import dev.attache.audit.log.TopicReader;
import dev.attache.audit.log.Trail;
import dev.attache.schemas.kafka.Topics;

/** The live trail and its checkpoints, read whole for a query. */
final class TrailReading {

    private TrailReading() {
    }

    static Trail live(AuditTarget target) {
        return Trail.read(new TopicReader(target.kafka()), Topics.ATTACHMENT_AUDIT, Topics.AUDIT_CHECKPOINTS);
    }
}
