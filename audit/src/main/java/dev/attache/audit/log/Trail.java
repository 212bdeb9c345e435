package dev.attache.audit.log;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.attache.schemas.audit.AuditCheckpoint;
import dev.attache.schemas.kafka.ContractJson;

/** An audit trail read whole: each partition's entries in order, and each partition's checkpoints in order. */
public record Trail(Map<Integer, List<TrailEntry>> entries, Map<Integer, List<AuditCheckpoint>> checkpoints,
        List<String> unreadableCheckpoints) {

    /** Reads {@code auditTopic} and {@code checkpointsTopic} (either may be absent: then it is empty). */
    public static Trail read(TopicReader reader, String auditTopic, String checkpointsTopic) {
        Map<Integer, List<TrailEntry>> entries = new TreeMap<>();
        reader.read(auditTopic, record -> {
            List<TrailEntry> partition = entries.computeIfAbsent(record.partition(), p -> new ArrayList<>());
            partition.add(TrailEntry.of(record.partition(), partition.size(), record.value()));
        });
        Map<Integer, List<AuditCheckpoint>> checkpoints = new TreeMap<>();
        List<String> unreadable = new ArrayList<>();
        if (checkpointsTopic != null) {
            reader.read(checkpointsTopic, record -> {
                try {
                    checkpoints.computeIfAbsent(record.partition(), p -> new ArrayList<>())
                            .add(ContractJson.MAPPER.readValue(record.value(), AuditCheckpoint.class));
                } catch (IOException | RuntimeException e) {
                    unreadable.add(record.partition() + "@" + record.offset());
                }
            });
        }
        return new Trail(entries, checkpoints, unreadable);
    }

    /** Every entry, partition by partition. */
    public List<TrailEntry> all() {
        return entries.values().stream().flatMap(List::stream).toList();
    }
}
