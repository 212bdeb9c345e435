package dev.attache.audit.verify;

import java.io.IOException;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.apache.kafka.common.TopicPartition;

import dev.attache.audit.cli.AuditTarget;
import dev.attache.audit.log.TopicReader;
import dev.attache.audit.log.Trail;
import dev.attache.audit.log.TrailEntry;
import dev.attache.audit.replay.Replay;
import dev.attache.processor.audit.SigningKeyFile;
import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.schemas.attachment.AttachmentRecord;
import dev.attache.schemas.audit.AuditEntry;
import dev.attache.schemas.kafka.AttachmentKeys;
import dev.attache.schemas.kafka.ContractJson;
import dev.attache.schemas.kafka.KafkaAccess;
import dev.attache.schemas.kafka.ReplyHeaders;
import dev.attache.schemas.kafka.Topics;

/**
 * {@code audit verify}: replays the log as it is at the start (a snapshot: the inputs' ends then) into a shadow
 * application, then compares what it made with what is live (the {@code attachments} topic, the processor's store as
 * its changelog holds it, the audit trail, the replies still retained), checks every signed checkpoint against the
 * trail, and every live record's object in S3. Whatever the live pipeline did after the snapshot is left out of the
 * comparison, so a system taking traffic verifies too.
 */
public final class Verification {

    /** The processor's attachments store, as its changelog (Kafka Streams' name for it) holds it. */
    static final String STORE_CHANGELOG = KafkaAccess.PROCESSOR_PREFIX + "-attachments-store-changelog";
    private static final Duration LIVE_CATCH_UP = Duration.ofSeconds(60);

    private final AuditTarget target;
    private final Progress progress;

    /** Where a long verification reports how far it is. */
    public interface Progress {
        void phase(String name, long total);

        void advance(long done);
    }

    public Verification(AuditTarget target, Progress progress) {
        this.target = target;
        this.progress = progress;
    }

    /**
     * @param from only differences about what changed at or after this instant (records, entries, objects) are
     *     reported; the replay itself always starts at the first command, since the state before {@code from}
     *     decides what follows it
     */
    public Report run(Instant from) throws Exception {
        TopicReader reader = new TopicReader(target.kafka());
        List<Difference> differences = new ArrayList<>();
        List<String> notChecked = new ArrayList<>();

        // the floor a replay is measured against: a plain consumer reading the same commands, in the same run
        Instant rawStart = Instant.now();
        long[] raw = {0};
        Instant[] firstRecord = {null};
        reader.read(Topics.ATTACHMENT_COMMANDS, record -> {
            if (firstRecord[0] == null) {
                firstRecord[0] = Instant.now();
            }
            raw[0]++;
        });
        Instant rawEnd = Instant.now();
        Duration rawTime = Duration.between(rawStart, rawEnd);
        double rawPace = firstRecord[0] == null || raw[0] < 2 ? Double.NaN
                : (raw[0] - 1) * 1000.0 / Math.max(1, Duration.between(firstRecord[0], rawEnd).toMillis());

        Map<String, byte[]> replayedRecords;
        Trail replayedTrail;
        Map<String, byte[]> replayedReplies;
        Map<TopicPartition, Long> snapshot;
        long replayed;
        Duration replayTime;
        double replayPace;
        try (Replay replay = Replay.start(target.kafka())) {
            snapshot = replay.inputEnds();
            progress.phase("replay", replay.total());
            Instant started = Instant.now();
            replayPace = replay.awaitCaughtUp(Duration.ofHours(6), progress::advance);
            replayTime = Duration.between(started, Instant.now());
            replayed = replay.total();
            replayedRecords = latest(reader, replay.topics().attachments());
            replayedTrail = Trail.read(reader, replay.topics().audit(), null);
            replayedReplies = replies(reader, replay.topics().replies());
            if (!replay.awaitLive(snapshot, LIVE_CATCH_UP)) {
                notChecked.add("whether the live processor had caught up with the snapshot (it had not committed"
                        + " to it within " + LIVE_CATCH_UP.toSeconds() + " s): differences may be work in progress");
            }
        }

        Map<String, byte[]> liveRecords = latest(reader, Topics.ATTACHMENTS);
        Trail liveTrail = Trail.read(reader, Topics.ATTACHMENT_AUDIT, Topics.AUDIT_CHECKPOINTS);
        Predicate<String> changedSince = changedAfter(liveTrail, snapshot);
        Map<String, byte[]> comparable = without(liveRecords, changedSince);
        Map<String, byte[]> expected = without(replayedRecords, changedSince);
        if (comparable.size() < liveRecords.size()) {
            notChecked.add((liveRecords.size() - comparable.size()) + " records changed after the snapshot");
        }
        differences.addAll(RecordComparison.compare(expected, comparable, "topic " + Topics.ATTACHMENTS, from));
        if (!reader.endOffsets(STORE_CHANGELOG).isEmpty()) {
            Map<String, byte[]> state = without(latest(reader, STORE_CHANGELOG), changedSince);
            differences.addAll(RecordComparison.compare(expected, state, "the processor's state", from));
        } else {
            notChecked.add("the processor's state (no " + STORE_CHANGELOG + " topic)");
        }
        differences.addAll(TrailComparison.compare(replayedTrail.entries(), beforeSnapshot(liveTrail, snapshot),
                from));
        differences.addAll(replyDifferences(replayedReplies, replies(reader, Topics.ATTACHMENT_REPLIES)));
        PublicKey trusted = SigningKeyFile.publicKey(target.publicKey());
        differences.addAll(TreeCheck.check(liveTrail, trusted));
        notChecked.addAll(TreeCheck.unsigned(liveTrail, trusted));

        long objects = 0;
        long bytes = 0;
        if (target.s3() != null) {
            Map<String, AttachmentRecord> toCheck = new HashMap<>();
            long total = 0;
            for (Map.Entry<String, byte[]> live : comparable.entrySet()) {
                AttachmentRecord record = readable(live.getValue());
                if (record != null && record.object() != null && record.lastModifiedDateTime() != null
                        && !Instant.parse(record.lastModifiedDateTime()).isBefore(from.minusSeconds(1))) {
                    toCheck.put(live.getKey(), record);
                    total += record.object().length();
                }
            }
            progress.phase("objects", total);
            long[] read = {0};
            try (ObjectCheck check = new ObjectCheck(target.s3())) {
                for (Map.Entry<String, AttachmentRecord> record : toCheck.entrySet()) {
                    check.check(record.getKey(), record.getValue(), n -> progress.advance(read[0] += n))
                            .ifPresent(differences::add);
                    objects++;
                }
            }
            bytes = read[0];
        } else {
            notChecked.add("the objects (no S3 endpoint)");
        }
        return new Report(differences, notChecked, raw[0], rawTime, rawPace, replayed, replayTime, replayPace,
                comparable.size(), objects, bytes, liveTrail.checkpoints().values().stream().mapToInt(List::size)
                        .sum());
    }

    /** The live trail's entries decided from input records inside the snapshot. */
    static Map<Integer, List<TrailEntry>> beforeSnapshot(Trail trail, Map<TopicPartition, Long> snapshot) {
        Map<Integer, List<TrailEntry>> kept = new TreeMap<>();
        trail.entries().forEach((partition, entries) -> kept.put(partition,
                entries.stream().filter(entry -> entry.before(snapshot)).toList()));
        return kept;
    }

    /**
     * The record keys the live pipeline touched after the snapshot, as its trail says: an attachment added or deleted,
     * or every attachment of an event deleted.
     */
    static Predicate<String> changedAfter(Trail trail, Map<TopicPartition, Long> snapshot) {
        Set<String> attachments = new HashSet<>();
        Set<String> eventPrefixes = new HashSet<>();
        for (TrailEntry entry : trail.all()) {
            AuditEntry e = entry.entry();
            if (e == null || entry.before(snapshot) || e.tenantId() == null || e.eventId() == null) {
                continue;
            }
            if (AttachmentCommand.TYPE_DELETE_EVENT.equals(e.action()) || AuditEntry.EVENT_REMOVED.equals(e.action())) {
                eventPrefixes.add(AttachmentKeys.eventPrefix(e.tenantId(), e.eventId()));
            } else if (e.attachmentId() != null) {
                attachments.add(AttachmentKeys.attachmentKey(e.tenantId(), e.eventId(), e.attachmentId()));
            }
        }
        return key -> attachments.contains(key) || eventPrefixes.stream().anyMatch(key::startsWith);
    }

    private static Map<String, byte[]> without(Map<String, byte[]> records, Predicate<String> excluded) {
        Map<String, byte[]> kept = new HashMap<>();
        records.forEach((key, value) -> {
            if (!excluded.test(key)) {
                kept.put(key, value);
            }
        });
        return kept;
    }

    private static AttachmentRecord readable(byte[] value) {
        try {
            return ContractJson.MAPPER.readValue(value, AttachmentRecord.class);
        } catch (IOException | RuntimeException e) {
            return null; // compared byte for byte above; an unreadable record has no object to check
        }
    }

    /** Replies by their correlation id. */
    static Map<String, byte[]> replies(TopicReader reader, String topic) {
        Map<String, byte[]> replies = new HashMap<>();
        reader.read(topic, record -> {
            org.apache.kafka.common.header.Header id = record.headers().lastHeader(ReplyHeaders.CORRELATION_ID);
            if (id != null) {
                replies.put(java.util.HexFormat.of().formatHex(id.value()), record.value());
            }
        });
        return replies;
    }

    /**
     * Every live reply still retained (an hour) against the replay's answer to the same request, byte for byte. The
     * trail states every outcome for good; the replies are the answers clients actually got.
     */
    static List<Difference> replyDifferences(Map<String, byte[]> replayed, Map<String, byte[]> live) {
        List<Difference> differences = new ArrayList<>();
        live.forEach((correlation, sent) -> {
            byte[] expected = replayed.get(correlation);
            if (expected != null && !java.util.Arrays.equals(expected, sent)) {
                differences.add(new Difference(Difference.REPLY_CHANGED, RecordComparison.replyAttachment(sent),
                        "reply " + correlation, "the client got " + new String(sent,
                                java.nio.charset.StandardCharsets.UTF_8) + "; the log answers " + new String(expected,
                                java.nio.charset.StandardCharsets.UTF_8)));
            }
        });
        return differences;
    }

    /** The latest value per key of a compacted topic; a tombstone removes its key. */
    static Map<String, byte[]> latest(TopicReader reader, String topic) {
        Map<String, byte[]> latest = new HashMap<>();
        reader.read(topic, record -> {
            if (record.value() == null) {
                latest.remove(record.key());
            } else {
                latest.put(record.key(), record.value());
            }
        });
        return latest;
    }

    /**
     * What a verification found, what it could not check, and how much it covered.
     *
     * @param notChecked what was left out, and why (not differences: the auditor decides)
     * @param rawRecords commands a plain consumer read, in the same run
     * @param rawTime how long it took, from its start
     * @param rawPace its records per second from its first record on
     * @param replayed input records replayed
     * @param replayTime how long the replay took, from its start to caught up
     * @param replayPace its records per second from its first commit on
     */
    public record Report(List<Difference> differences, List<String> notChecked, long rawRecords, Duration rawTime,
            double rawPace, long replayed, Duration replayTime, double replayPace, int records, long objects,
            long bytes, int checkpoints) {

        public boolean clean() {
            return differences.isEmpty();
        }

        /** The replay's pace over the plain consumer's: what the replay costs beyond reading the log. */
        public double replayRatio() {
            return replayPace / rawPace;
        }
    }
}
