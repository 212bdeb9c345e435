package dev.attache.processor.health;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * Which state-store partitions are being restored from their changelogs. The Kafka Streams extension registers the
 * application's {@link StateRestoreListener} bean as the global restore listener before it starts the streams; the
 * callbacks come from Streams' own threads, hence the concurrent set.
 */
@ApplicationScoped
public class RestoreTracker implements StateRestoreListener {

    private final Set<TopicPartition> restoring = ConcurrentHashMap.newKeySet();

    @Override
    public void onRestoreStart(TopicPartition partition, String storeName, long startingOffset, long endingOffset) {
        restoring.add(partition);
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
        restoring.forEach(partition -> names.add(partition.toString()));
        return names;
    }
}
