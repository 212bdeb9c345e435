package dev.attache.processor.query;

import java.util.List;

import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.VersionedKeyValueStore;
import org.apache.kafka.streams.state.internals.StateStoreProvider;

import org.apache.kafka.streams.processor.StateStore;

/**
 * Interactive queries for a global versioned store. Kafka Streams has no {@code QueryableStoreTypes} entry for
 * versioned stores (IQv2 has versioned queries, but not for global stores), and a global store has exactly one
 * instance, which this type hands out as it is: lookups through it read the same store the stream threads read.
 */
final class VersionedStoreType<K, V> implements QueryableStoreType<VersionedKeyValueStore<K, V>> {

    @Override
    public boolean accepts(StateStore stateStore) {
        return stateStore instanceof VersionedKeyValueStore;
    }

    @Override
    public VersionedKeyValueStore<K, V> create(StateStoreProvider storeProvider, String storeName) {
        List<VersionedKeyValueStore<K, V>> stores = storeProvider.stores(storeName, this);
        if (stores.size() != 1) {
            throw new org.apache.kafka.streams.errors.InvalidStateStoreException("Global store " + storeName
                    + " is not available: " + stores.size() + " instances");
        }
        return stores.get(0);
    }
}
