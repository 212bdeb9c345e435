package dev.attache.audit.log;

import java.io.IOException;

import dev.attache.schemas.audit.AuditEntry;
import dev.attache.schemas.kafka.ContractJson;

/**
 * An audit entry as read from the trail: where it is (its partition and its index there, the leaf index of that
 * partition's tree), its bytes as written (the leaf) and what they say.
 */
public record TrailEntry(int partition, long index, byte[] bytes, AuditEntry entry) {

    public static TrailEntry of(int partition, long index, byte[] bytes) {
        try {
            return new TrailEntry(partition, index, bytes, ContractJson.MAPPER.readValue(bytes, AuditEntry.class));
        } catch (IOException | RuntimeException e) {
            // a record that is no entry at all is still a leaf: the comparisons name it
            return new TrailEntry(partition, index, bytes, null);
        }
    }
}
