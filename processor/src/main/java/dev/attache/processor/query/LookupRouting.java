package dev.attache.processor.query;

import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Which instance answers a lookup: the active host of the key's partition, as Kafka Streams' metadata has it. A pure
 * function, so the routing is tested without a cluster.
 */
public final class LookupRouting {

    /** Where the lookup goes. */
    public sealed interface Target permits Local, Remote, Unavailable {
    }

    /** This instance hosts the partition: query its store. */
    public record Local(int partition) implements Target {
    }

    /** Another instance does: forward the request there. */
    public record Remote(HostInfo host) implements Target {
    }

    /** Nobody can answer now (rebalancing, no host known, or a forwarded request that would hop again). */
    public record Unavailable(String reason) implements Target {
    }

    private LookupRouting() {
    }

    /**
     * @param self this instance's {@code application.server}, or null when none is configured
     * @param metadata {@code KafkaStreams.queryMetadataForKey} for the key (null when no instance has the store)
     * @param forwarded whether another instance already forwarded this request here: it is answered here or not at
     *     all, so two instances with different views of the assignment cannot bounce it between them
     */
    public static Target target(HostInfo self, KeyQueryMetadata metadata, boolean forwarded) {
        if (self == null) {
            return new Unavailable("quarkus.kafka-streams.application-server is not set");
        }
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)
                || metadata.activeHost() == null || HostInfo.unavailable().equals(metadata.activeHost())) {
            return new Unavailable("no active host for the key (rebalancing)");
        }
        if (self.equals(metadata.activeHost())) {
            return new Local(metadata.partition());
        }
        if (forwarded) {
            return new Unavailable("forwarded here, but the active host is " + metadata.activeHost());
        }
        return new Remote(metadata.activeHost());
    }
}
