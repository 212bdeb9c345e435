package dev.attache.bench.memory;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap in use when each collection of the target started and ended, as its collectors report it.
 *
 * <p>Between stop-the-world collections the heap only grows, so its peaks are the moments a collection
 * starts: these reports catch every peak exactly, where a sampler would catch one only by luck. The end counts
 * too: when most of eden survives, copying it can leave more in use than there was at the start.
 */
final class CollectionLog implements NotificationListener {

    /** One collection: which collector, its sequence number for that collector, the heap in use at its start and end. */
    record Collection(String collector, long id, long heapUsedBefore, long heapUsedAfter) {

        long heapUsedPeak() {
            return Math.max(heapUsedBefore, heapUsedAfter);
        }
    }

    private final HeapPools heapPools;
    private final List<Collection> collections = new ArrayList<>();

    CollectionLog(HeapPools heapPools) {
        this.heapPools = heapPools;
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        GcInfo gc = info.getGcInfo();
        record(new Collection(info.getGcName(), gc.getId(),
                heapPools.used(gc.getMemoryUsageBeforeGc()), heapPools.used(gc.getMemoryUsageAfterGc())));
    }

    synchronized void record(Collection collection) {
        collections.add(collection);
        notifyAll();
    }

    /**
     * Waits until, for each collector that collected since {@code baseline}, the report of its collection number
     * {@code counts.get(collector)} has arrived. Reports come asynchronously, after the collection count has moved;
     * without waiting, the last ones of a window would be lost.
     *
     * @return whether they all arrived within the bound
     */
    synchronized boolean awaitThrough(Map<String, Long> baseline, Map<String, Long> counts, Duration bound)
            throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!receivedThrough(baseline, counts)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private boolean receivedThrough(Map<String, Long> baseline, Map<String, Long> counts) {
        Map<String, Long> lastIds = new HashMap<>();
        for (Collection c : collections) {
            lastIds.merge(c.collector(), c.id(), Math::max);
        }
        return counts.entrySet().stream()
                .filter(count -> count.getValue() > baseline.getOrDefault(count.getKey(), 0L))
                .allMatch(count -> lastIds.getOrDefault(count.getKey(), 0L) >= count.getValue());
    }

    /**
     * The highest heap in use at the start or end of a collection numbered above {@code baseline} for its
     * collector; 0 if none.
     */
    synchronized long peakHeapUsedSince(Map<String, Long> baseline) {
        return collections.stream()
                .filter(c -> c.id() > baseline.getOrDefault(c.collector(), 0L))
                .mapToLong(Collection::heapUsedPeak)
                .max()
                .orElse(0);
    }
}
