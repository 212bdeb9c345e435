package dev.attache.ingest.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchSchedulerTest {

    record Answer(String id, int status) implements BatchScheduler.Outcome {
    }

    final ExecutorService pool = Executors.newFixedThreadPool(32);
    final List<String> started = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    static BatchItem item(String id, String... dependsOn) {
        return new BatchItem(id, "GET", "/me/events/" + id, Map.of(), null, List.of(dependsOn));
    }

    @Test
    void atMostFourRunAtOnceAgainstOneMailboxAndTheRestStartInTheOrderListed() throws Exception {
        List<BatchItem> items = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            items.add(item("a" + i));
        }
        items.add(item("b0"));
        Semaphore release = new Semaphore(0);
        BatchScheduler<Answer> scheduler = new BatchScheduler<>(4, pool);

        CompletableFuture<List<Answer>> run = CompletableFuture.supplyAsync(() -> {
            try {
                return scheduler.run(items, item -> item.id().substring(0, 1), item -> {
                    started.add(item.id());
                    release.acquireUninterruptibly();
                    return new Answer(item.id(), 200);
                }, item -> new Answer(item.id(), 424));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> started.size() == 5);
        assertThat(started).as("four of mailbox a, and b's own").containsExactlyInAnyOrder("a0", "a1", "a2", "a3",
                "b0");
        release.release();
        await().atMost(Duration.ofSeconds(10)).until(() -> started.size() == 6);
        assertThat(started.get(5)).as("the next of a, in the order listed").isEqualTo("a4");
        release.release(10);
        assertThat(run.get()).extracting(Answer::id).containsExactly("a0", "a1", "a2", "a3", "a4", "a5", "a6", "b0");
    }

    @Test
    void aDependantRunsOnlyAfterItsDependencyAndIs424WhenItFailed() throws Exception {
        List<BatchItem> items = List.of(item("late", "first"), item("first"), item("broken"),
                item("afterBroken", "broken"), item("chain", "afterBroken"));

        List<Answer> answers = new BatchScheduler<Answer>(4, pool).run(items, item -> "m", item -> {
            started.add(item.id());
            return new Answer(item.id(), item.id().equals("broken") ? 404 : 200);
        }, item -> new Answer(item.id(), 424));

        assertThat(answers).extracting(Answer::id, Answer::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("late", 200), org.assertj.core.groups.Tuple.tuple("first", 200),
                org.assertj.core.groups.Tuple.tuple("broken", 404),
                org.assertj.core.groups.Tuple.tuple("afterBroken", 424),
                org.assertj.core.groups.Tuple.tuple("chain", 424));
        assertThat(started).doesNotContain("afterBroken", "chain");
        assertThat(started.indexOf("late")).isGreaterThan(started.indexOf("first"));
    }

    @Test
    void aDependantListedBeforeAChainThatFailsIs424Too() throws Exception {
        List<BatchItem> items = List.of(item("c", "b"), item("b", "a"), item("a"));

        List<Answer> answers = new BatchScheduler<Answer>(4, pool).run(items, item -> "m",
                item -> new Answer(item.id(), 500), item -> new Answer(item.id(), 424));

        assertThat(answers).extracting(Answer::status).containsExactly(424, 424, 500);
    }
}
