package dev.attache.processor.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.VersionedKeyValueStore;

/**
 * Keeps a versioned global store equal to its topic's history: a value is a new version of its key from the record's
 * timestamp on, a tombstone ends the key there. It must do nothing else: on restore Kafka Streams copies the topic
 * into the store (with each record's timestamp) without calling it.
 */
final class GlobalStoreUpdater<V> implements Processor<String, V, Void, Void> {

    private final String storeName;
    private VersionedKeyValueStore<String, V> store;

    GlobalStoreUpdater(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, V> record) {
        if (record.key() == null) {
            return; // unaddressable: nothing could ever look it up
        }
        if (record.value() == null) {
            store.delete(record.key(), record.timestamp());
        } else {
            store.put(record.key(), record.value(), record.timestamp());
        }
    }
}
