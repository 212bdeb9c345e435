package dev.attache.processor.topology;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Marks the records the processor writes to {@code calendar-events}, which it also reads. It updates
 * {@code events-store} in the same transaction as it writes such a record, so when the record comes back through the
 * source the store is already at least that new: re-applying an old put there could resurrect an event deleted in
 * between (create, delete, then the create's echo). Tombstones are re-applied all the same: deleting twice is
 * harmless, and it settles a system of record's update that raced the delete.
 */
final class OwnWrites {

    static final String HEADER = "attache-origin";
    private static final byte[] PROCESSOR = "processor".getBytes(StandardCharsets.UTF_8);

    private OwnWrites() {
    }

    static Headers headers() {
        return new RecordHeaders().add(HEADER, PROCESSOR.clone());
    }

    static boolean isOwn(Headers headers) {
        Header header = headers.lastHeader(HEADER);
        return header != null && Arrays.equals(header.value(), PROCESSOR);
    }
}
