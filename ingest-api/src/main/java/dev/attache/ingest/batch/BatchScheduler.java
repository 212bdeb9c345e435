package dev.attache.ingest.batch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * In what order and how many at once the items of a batch run. An item runs once every item it depends on is done;
 * if one of them failed ({@code status ≥ 400}), it does not run and is answered by {@code failedDependency}. Ready
 * items start in the order the client listed them, at most {@code perMailbox} at a time against one mailbox (the
 * rest wait their turn). The caller's thread only schedules; items run on {@code executor}. {@code runItem} must
 * answer every item, whatever fails inside it: an item that never finishes would hold the batch.
 *
 * @param <R> what an item is answered with
 */
final class BatchScheduler<R> {

    /** What an item's answer says of it: its id, and whether it failed (a dependant then gets 424). */
    interface Outcome {
        String id();

        int status();
    }

    private final int perMailbox;
    private final Executor executor;

    BatchScheduler(int perMailbox, Executor executor) {
        this.perMailbox = perMailbox;
        this.executor = executor;
    }

    /**
     * @param items in the client's order, their dependencies known to be acyclic ({@link BatchPlan})
     * @return the answers, in the client's order
     */
    <O extends Outcome> List<O> run(List<BatchItem> items, Function<BatchItem, String> mailboxOf,
            Function<BatchItem, O> runItem, Function<BatchItem, O> failedDependency) throws InterruptedException {
        Map<String, O> done = new HashMap<>();
        List<BatchItem> waiting = new ArrayList<>(items);
        Map<String, Integer> running = new HashMap<>();
        BlockingQueue<Finished<O>> finished = new LinkedBlockingQueue<>();
        int inFlight = 0;
        while (!waiting.isEmpty() || inFlight > 0) {
            // Passes until nothing more can start: a dependant listed before an item that just failed its own
            // dependency is answered 424 in a later pass, not left waiting.
            boolean changed = true;
            while (changed) {
                changed = false;
                for (var it = waiting.iterator(); it.hasNext(); ) {
                    BatchItem item = it.next();
                    if (!item.dependsOn().stream().allMatch(done::containsKey)) {
                        continue;
                    }
                    if (item.dependsOn().stream().anyMatch(d -> done.get(d).status() >= 400)) {
                        done.put(item.id(), failedDependency.apply(item));
                        it.remove();
                        changed = true;
                        continue;
                    }
                    String mailbox = mailboxOf.apply(item);
                    if (running.getOrDefault(mailbox, 0) >= perMailbox) {
                        continue;
                    }
                    running.merge(mailbox, 1, Integer::sum);
                    inFlight++;
                    it.remove();
                    executor.execute(() -> finished.add(new Finished<>(mailbox, runItem.apply(item))));
                }
            }
            if (inFlight > 0) {
                Finished<O> next = finished.take();
                inFlight--;
                running.merge(next.mailbox(), -1, Integer::sum);
                done.put(next.outcome().id(), next.outcome());
            } else if (!waiting.isEmpty()) {
                // unreachable for an acyclic plan: some waiting item would be ready
                throw new IllegalStateException("batch items left with nothing running: " + waiting);
            }
        }
        List<O> ordered = new ArrayList<>();
        items.forEach(item -> ordered.add(done.get(item.id())));
        return ordered;
    }

    private record Finished<O>(String mailbox, O outcome) {
    }
}
