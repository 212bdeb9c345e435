package dev.attache.processor.query;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import dev.attache.processor.rules.Registry;
import dev.attache.processor.rules.StoredAttachments;
import dev.attache.processor.topology.AttachmentTopology;
import dev.attache.processor.topology.StoreAttachments;
import dev.attache.processor.topology.RegistryVersions;
import dev.attache.processor.topology.StoreRegistry;
import dev.attache.schemas.attachment.AttachmentRecord;
import dev.attache.schemas.event.CalendarEvent;
import dev.attache.schemas.session.UploadSession;

/**
 * This instance's stores for one partition, through interactive queries, opened when a read asks for them: the
 * partition's {@code events-store} and {@code attachments-store} (active only, never a standby: a store is asked for
 * {@code withPartition}, and stale reads are disabled by default), and the global shares, memberships and directory, which every
 * instance holds whole. Opening one throws {@code InvalidStateStoreException} when it migrated or closed meanwhile.
 */
final class PartitionStores {

    private final KafkaStreams streams;
    private final int partition;

    PartitionStores(KafkaStreams streams, int partition) {
        this.streams = streams;
        this.partition = partition;
    }

    ReadOnlyKeyValueStore<String, CalendarEvent> events() {
        return streams.store(StoreQueryParameters.fromNameAndType(AttachmentTopology.EVENTS_STORE,
                QueryableStoreTypes.<String, CalendarEvent>keyValueStore()).withPartition(partition));
    }

    StoredAttachments attachments() {
        return new StoreAttachments(streams.store(StoreQueryParameters.fromNameAndType(
                AttachmentTopology.ATTACHMENTS_STORE, QueryableStoreTypes.<String, AttachmentRecord>keyValueStore())
                .withPartition(partition)));
    }

    ReadOnlyKeyValueStore<String, UploadSession> sessions() {
        return streams.store(StoreQueryParameters.fromNameAndType(AttachmentTopology.SESSIONS_STORE,
                QueryableStoreTypes.<String, UploadSession>keyValueStore()).withPartition(partition));
    }

    /** The registry as it is now: reads answer with today's shares and memberships. */
    Registry registry() {
        return new StoreRegistry(global(AttachmentTopology.SHARES_STORE), global(AttachmentTopology.MEMBERSHIPS_STORE),
                global(AttachmentTopology.DIRECTORY_STORE), StoreRegistry.LATEST);
    }

    private ReadOnlyKeyValueStore<String, RegistryVersions> global(String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name,
                QueryableStoreTypes.<String, RegistryVersions>keyValueStore()));
    }
}
