package dev.attache.audit.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.attache.schemas.attachment.AttachmentRecord;
import dev.attache.schemas.kafka.ContractJson;

/**
 * The attachment records a replay made against the live ones (a compacted topic's latest value per key, or a store's
 * changelog), byte for byte: what is missing, extra or changed, by attachment.
 */
public final class RecordComparison {

    private RecordComparison() {
    }

    /**
     * @param replayed the replay's latest value per key (tombstoned keys absent)
     * @param live the live latest value per key (tombstoned keys absent)
     * @param liveName what the live side is, for the report ("topic attachments", "the processor's state")
     * @param from only records modified at or after this instant (on either side) are compared
     */
    public static List<Difference> compare(Map<String, byte[]> replayed, Map<String, byte[]> live, String liveName,
            Instant from) {
        List<Difference> differences = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(replayed.keySet());
        keys.addAll(live.keySet());
        for (String key : keys) {
            byte[] expected = replayed.get(key);
            byte[] found = live.get(key);
            if (before(expected, from) && before(found, from)) {
                continue;
            }
            if (found == null) {
                differences.add(new Difference(Difference.RECORD_MISSING, attachmentId(expected), key,
                        "the log makes this record; " + liveName + " does not have it"));
            } else if (expected == null) {
                differences.add(new Difference(Difference.RECORD_EXTRA, attachmentId(found), key,
                        liveName + " has a record the log does not make"));
            } else if (!Arrays.equals(expected, found)) {
                differences.add(new Difference(Difference.RECORD_CHANGED, attachmentId(expected), key,
                        liveName + " has " + text(found) + "; the log makes " + text(expected)));
            }
        }
        return differences;
    }

    /** Whether {@code record} (null: none) was last modified before {@code from}. */
    private static boolean before(byte[] record, Instant from) {
        if (record == null) {
            return true;
        }
        try {
            AttachmentRecord parsed = ContractJson.MAPPER.readValue(record, AttachmentRecord.class);
            return Instant.parse(parsed.lastModifiedDateTime()).plusSeconds(1).isBefore(from);
        } catch (IOException | RuntimeException e) {
            return false; // unreadable: always reported
        }
    }

    /** The attachment id a reply names, if it reads as one. */
    static String replyAttachment(byte[] reply) {
        try {
            return ContractJson.MAPPER.readTree(reply).path("attachmentId").asText(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static String attachmentId(byte[] record) {
        try {
            return ContractJson.MAPPER.readValue(record, AttachmentRecord.class).attachmentId();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
