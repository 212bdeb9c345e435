package dev.attache.processor.objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.jboss.logging.Logger;

import dev.attache.schemas.kafka.Topics;
import io.quarkus.scheduler.Scheduled;

/**
 * Sweeps every {@code attache.sweep.every}, on one instance of the group: the one that holds partition 0 of the
 * commands (every instance asks; exactly one is active for it at a time, and when it moves, so does the sweep).
 */
@ApplicationScoped
public class SweepSchedule {

    private static final Logger LOG = Logger.getLogger(SweepSchedule.class);
    private static final TopicPartition SWEEPER_PARTITION = new TopicPartition(Topics.ATTACHMENT_COMMANDS, 0);

    private final OrphanSweeper sweeper;
    private final KafkaStreams streams;

    SweepSchedule(OrphanSweeper sweeper, KafkaStreams streams) {
        this.sweeper = sweeper;
        this.streams = streams;
    }

    @Scheduled(identity = "orphan-sweep", every = "${attache.sweep.every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        if (!holdsTheSweeperPartition()) {
            return;
        }
        try {
            sweeper.sweep(false);
        } catch (IllegalStateException e) {
            LOG.warnf("Scheduled sweep failed (the next one retries): %s", e.getMessage());
        }
    }

    private boolean holdsTheSweeperPartition() {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return false;
        }
        return streams.metadataForLocalThreads().stream()
                .flatMap(thread -> thread.activeTasks().stream())
                .anyMatch(task -> task.topicPartitions().contains(SWEEPER_PARTITION));
    }
}
