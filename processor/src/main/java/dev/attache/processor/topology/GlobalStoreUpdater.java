package dev.attache.processor.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps a global registry store equal to its topic's history: each record is a new version of its key from the
 * record's timestamp on (a tombstone a deletion). Kafka Streams runs the topic through it again when the store is
 * rebuilt at start-up, so it must depend on the records alone.
 */
final class GlobalStoreUpdater implements Processor<String, byte[], Void, Void> {

    private final String storeName;
    private KeyValueStore<String, RegistryVersions> store;

    GlobalStoreUpdater(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) {
            return; // unaddressable: nothing could ever look it up
        }
        RegistryVersions versions = store.get(record.key());
        store.put(record.key(), (versions == null ? RegistryVersions.none() : versions)
                .with(record.timestamp(), record.value()));
    }
}
