package dev.attache.processor.topology;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The processor's own settings ({@code ATTACHE_PROCESSOR_*} environment variables). */
@ConfigMapping(prefix = "attache.processor")
public interface ProcessorConfig {

    /**
     * A regular expression the whole {@code REPLY_TOPIC} header of a command must match for a reply to be sent
     * there. Every topic it admits must exist: Kafka Streams does not create sink topics.
     */
    @WithDefault("attachment-commands-replies")
    String replyTopics();

    /**
     * How long a read (an event lookup, an attachment query) forwarded to the instance that hosts the event's
     * partition may take, to connect and again to answer; past it the read is answered {@code 503} (the caller
     * retries).
     */
    @WithDefault("2S")
    Duration lookupForwardTimeout();

    /**
     * This instance's name in the consumer group (its static membership, {@code group.instance.id}): unique per
     * instance, stable across its restarts.
     */
    String instanceId();

    /** Whether this instance carries out the deletion requests ({@code objects.ObjectDeleter}); off only in tests. */
    @WithDefault("true")
    boolean deleterEnabled();
}
