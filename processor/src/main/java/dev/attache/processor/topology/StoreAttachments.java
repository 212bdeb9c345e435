package dev.attache.processor.topology;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import dev.attache.processor.rules.StoredAttachments;
import dev.attache.schemas.attachment.AttachmentRecord;

/**
 * The attachment queries' view of {@code attachments-store}: one partition of it, reached through interactive queries
 * (or the test driver's store). Keys are {@code AttachmentKeys.attachmentKey}, so an event's records are one
 * contiguous range, returned in the store's key order (RocksDB: bytewise; the keys are ASCII).
 */
public record StoreAttachments(ReadOnlyKeyValueStore<String, AttachmentRecord> store) implements StoredAttachments {

    @Override
    public AttachmentRecord get(String key) {
        return store.get(key);
    }

    @Override
    public List<AttachmentRecord> withPrefix(String prefix) {
        List<AttachmentRecord> found = new ArrayList<>();
        try (KeyValueIterator<String, AttachmentRecord> scan = store.prefixScan(prefix, new StringSerializer())) {
            scan.forEachRemaining(entry -> found.add(entry.value));
        }
        return found;
    }
}
