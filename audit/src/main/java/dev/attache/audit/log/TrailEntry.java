package dev.attache.audit.log;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

import dev.attache.schemas.audit.AuditEntry;
import dev.attache.schemas.kafka.ContractJson;

/**
 * An audit entry as read from the trail: where it is (its partition and its index there, the leaf index of that
 * partition's tree), its bytes as written (the leaf) and what they say.
 */
public record TrailEntry(int partition, long index, byte[] bytes, AuditEntry entry) {

    /** The entry's log time, or null when it has none that parses (a malformed entry is still compared). */
    public Instant loggedAt() {
        try {
            return entry == null || entry.loggedAt() == null ? null : Instant.parse(entry.loggedAt());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Whether the entry was decided from an input record before {@code ends} (topic-partition → end offset). */
    public boolean before(Map<TopicPartition, Long> ends) {
        AuditEntry.Source source = entry == null ? null : entry.source();
        if (source == null) {
            return true;
        }
        Long end = ends.get(new TopicPartition(source.topic(), source.partition()));
        return end == null || source.offset() < end;
    }

    public static TrailEntry of(int partition, long index, byte[] bytes) {
        try {
            return new TrailEntry(partition, index, bytes, ContractJson.MAPPER.readValue(bytes, AuditEntry.class));
        } catch (IOException | RuntimeException e) {
            // a record that is no entry at all is still a leaf: the comparisons name it
            return new TrailEntry(partition, index, bytes, null);
        }
    }
}
