package dev.attache.processor.topology;

import java.util.ArrayList;
import java.util.List;

/**
 * Every version of one registry key, oldest first, as a global store keeps it so that a command can be decided with
 * the registry as of its own time. Each version holds the value's bytes as the topic had them (null: deleted from
 * then on) and the record timestamp it took effect at.
 *
 * <p>Kept by hand rather than in a Kafka Streams versioned store (KIP-889): a global store with its own processor is
 * rebuilt on start-up by replaying its topic through that processor, and Kafka Streams 4.1's RocksDB versioned store
 * refuses writes during that replay ("currently closed": it registers for restoration before it opens).
 */
public record RegistryVersions(List<Version> versions) {

    public RegistryVersions {
        versions = List.copyOf(versions);
    }

    /**
     * @param from epoch milliseconds from which this value holds
     * @param value the value's bytes, or null for a deletion
     */
    public record Version(long from, byte[] value) {
    }

    public static RegistryVersions none() {
        return new RegistryVersions(List.of());
    }

    /** With {@code value} from {@code from} on: after every version from the same time or earlier. */
    public RegistryVersions with(long from, byte[] value) {
        List<Version> next = new ArrayList<>(versions);
        int at = next.size();
        while (at > 0 && next.get(at - 1).from() > from) {
            at--;
        }
        next.add(at, new Version(from, value));
        return new RegistryVersions(next);
    }

    /** The value in force at {@code time}: the last version from then or earlier; null when none or deleted. */
    public byte[] asOf(long time) {
        byte[] value = null;
        for (Version version : versions) {
            if (version.from() > time) {
                break;
            }
            value = version.value();
        }
        return value;
    }
}
