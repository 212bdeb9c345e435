package dev.attache.audit.verify;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.attache.audit.log.TrailEntry;

/**
 * A replay's audit entries against the live trail, position by position in each partition: entries are functions of
 * the log, so any difference is an entry rewritten, dropped, inserted or reordered.
 */
public final class TrailComparison {

    private TrailComparison() {
    }

    /** Compares every position; only differences about entries logged at or after {@code from} are reported. */
    public static List<Difference> compare(Map<Integer, List<TrailEntry>> replayed,
            Map<Integer, List<TrailEntry>> live, Instant from) {
        List<Difference> differences = new ArrayList<>();
        TreeSet<Integer> partitions = new TreeSet<>(replayed.keySet());
        partitions.addAll(live.keySet());
        for (int partition : partitions) {
            List<TrailEntry> expected = replayed.getOrDefault(partition, List.of());
            List<TrailEntry> found = live.getOrDefault(partition, List.of());
            for (int i = 0; i < Math.max(expected.size(), found.size()); i++) {
                String where = "attachment-audit " + partition + " entry " + i;
                if (before(i < expected.size() ? expected.get(i) : null, from)
                        && before(i < found.size() ? found.get(i) : null, from)) {
                    continue;
                }
                if (i >= found.size()) {
                    differences.add(new Difference(Difference.ENTRY_MISSING, attachmentOf(expected.get(i)), where,
                            "the log makes " + text(expected.get(i)) + "; the trail ends before it"));
                } else if (i >= expected.size()) {
                    differences.add(new Difference(Difference.ENTRY_EXTRA, attachmentOf(found.get(i)), where,
                            "the trail has " + text(found.get(i)) + ", which the log does not make"));
                } else if (!Arrays.equals(expected.get(i).bytes(), found.get(i).bytes())) {
                    differences.add(new Difference(Difference.ENTRY_CHANGED, attachmentOf(expected.get(i)), where,
                            "the trail has " + text(found.get(i)) + "; the log makes " + text(expected.get(i))));
                }
            }
        }
        return differences;
    }

    private static boolean before(TrailEntry entry, Instant from) {
        return entry == null || (entry.loggedAt() != null && entry.loggedAt().isBefore(from));
    }

    static String attachmentOf(TrailEntry entry) {
        return entry.entry() == null ? null : entry.entry().attachmentId();
    }

    private static String text(TrailEntry entry) {
        return new String(entry.bytes(), StandardCharsets.UTF_8);
    }
}
