package dev.attache.processor.health;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * Which state-store partitions are being restored from their changelogs. The Kafka Streams extension registers the
 * application's {@link StateRestoreListener} bean as the global restore listener before it starts the streams; the
 * callbacks come from Streams' own threads, hence the concurrent map.
 */
@ApplicationScoped
public class RestoreTracker implements StateRestoreListener {

    /** Changelog (or, for a global store, source) partition → the store it restores. */
    private final Map<TopicPartition, String> restoring = new ConcurrentHashMap<>();

    @Override
    public void onRestoreStart(TopicPartition partition, String storeName, long startingOffset, long endingOffset) {
        restoring.put(partition, storeName);
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String storeName, long batchEndOffset,
            long numRestored) {
        // progress is not needed: readiness only asks whether a restoration is in progress
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String storeName, long totalRestored) {
        restoring.remove(partition);
    }

    @Override
    public void onRestoreSuspended(TopicPartition partition, String storeName, long totalRestored) {
        // the task moved to another instance: it is no longer restoring here
        restoring.remove(partition);
    }

    /** The changelog partitions being restored now, sorted for stable health output. */
    public Set<String> restoring() {
        Set<String> names = new TreeSet<>();
        restoring.keySet().forEach(partition -> names.add(partition.toString()));
        return names;
    }

    /**
     * Whether partition {@code partition} of store {@code storeName} is being restored now: its contents may lag
     * its changelog, so it must not answer queries. (A store's changelog partition is its task's partition.)
     */
    public boolean restoring(String storeName, int partition) {
        return restoring.entrySet().stream()
                .anyMatch(e -> e.getKey().partition() == partition && storeName.equals(e.getValue()));
    }
}
