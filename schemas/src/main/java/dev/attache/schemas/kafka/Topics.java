package dev.attache.schemas.kafka;

/** Names of the Kafka topics the apps share. Deployments create them; see {@link TopicSpec}. */
public final class Topics {

    /** Commands from ingest-api; log-append timestamps, keyed by {@code AttachmentKeys.eventKey}. */
    public static final String ATTACHMENT_COMMANDS = "attachment-commands";

    /** Outcomes the processor sends back to the ingest-api instance that asked. */
    public static final String ATTACHMENT_REPLIES = "attachment-commands-replies";

    /** The materialized attachment records, compacted, keyed by {@code AttachmentKeys.attachmentKey}. */
    public static final String ATTACHMENTS = "attachments";

    private Topics() {
    }
}
