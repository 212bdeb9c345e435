package dev.attache.processor.topology;

import static dev.attache.processor.Commands.MENU;
import static dev.attache.processor.Commands.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.attache.processor.Commands;
import dev.attache.schemas.attachment.Trace;
import dev.attache.schemas.audit.AuditCheckpoint;
import dev.attache.schemas.audit.AuditEntry;
import dev.attache.schemas.audit.CheckpointSignatures;
import dev.attache.schemas.audit.MerkleTree;
import dev.attache.schemas.audit.TreeHashes;
import dev.attache.schemas.audit.TreeProofs;
import dev.attache.schemas.kafka.ContractJson;

/**
 * The audit trail: one entry per decision, metadata only, the same bytes on every run of the same input, and a tree
 * per partition whose signed checkpoints match what a verifier recomputes from the entries.
 */
class AuditTrailTopologyTest {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    static final String NEW_EVENT = "AAMkNewEvent0000000000A=";

    @TempDir
    Path stateDir;

    TopologyHarness h;

    @BeforeEach
    void start() {
        h = new TopologyHarness(stateDir);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    /** Adds, a refusal, a delete, an event created and deleted through Graph, and one its system of record deletes. */
    static void script(TopologyHarness h) {
        h.publish(Commands.myEvent());
        Trace trace = new Trace("req-1", "client-1");
        h.send(Commands.file("menu.txt", MENU).id(Commands.attachmentId(1)).build().withTrace(trace),
                TopologyHarness.request(), T0);
        h.send(Commands.file("photo", Commands.JPEG).id(Commands.attachmentId(2)).contentType("image/png").build(),
                TopologyHarness.request(), T0.plusSeconds(1));
        h.send(Commands.file("menu.txt", MENU).id(Commands.attachmentId(3)).build(), TopologyHarness.request(),
                T0.plusSeconds(2));
        h.send(Commands.deleteAttachment(Commands.attachmentId(3)).build(), TopologyHarness.request(),
                T0.plusSeconds(3));
        h.send(Commands.createEvent().event(NEW_EVENT).build(), TopologyHarness.request(), T0.plusSeconds(4));
        h.send(Commands.deleteEvent().event(NEW_EVENT).build(), TopologyHarness.request(), T0.plusSeconds(5));
        h.unpublish(TENANT, Commands.EVENT);
    }

    static AuditEntry entry(byte[] bytes) {
        try {
            return ContractJson.MAPPER.readValue(bytes, AuditEntry.class);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyDecisionIsOneEntryWithWhoWhatWhenWhereAndTheHashButNoContent() throws Exception {
        script(h);

        List<byte[]> raw = h.auditEntries();
        List<AuditEntry> entries = raw.stream().map(AuditTrailTopologyTest::entry).toList();

        assertThat(entries).extracting(AuditEntry::action, AuditEntry::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("add", "created"),
                org.assertj.core.groups.Tuple.tuple("add", "rejected"),
                org.assertj.core.groups.Tuple.tuple("add", "created"),
                org.assertj.core.groups.Tuple.tuple("delete-attachment", "deleted"),
                org.assertj.core.groups.Tuple.tuple("create-event", "created"),
                org.assertj.core.groups.Tuple.tuple("delete-event", "deleted"),
                org.assertj.core.groups.Tuple.tuple("event-removed", "deleted"));
        AuditEntry first = entries.get(0);
        assertThat(first.actor().objectId()).isEqualTo(Commands.USER);
        assertThat(first.tenantId()).isEqualTo(TENANT);
        assertThat(first.route().apiVersion()).isEqualTo("v1.0");
        assertThat(first.trace()).isEqualTo(new Trace("req-1", "client-1"));
        assertThat(first.loggedAt()).isEqualTo(T0.toString());
        assertThat(first.source().topic()).isEqualTo("attachment-commands");
        assertThat(first.source().offset()).isZero();
        assertThat(first.attachment().sha256()).isEqualTo(HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(MENU)));
        assertThat(first.attachment().name()).isEqualTo("menu.txt");
        assertThat(entries.get(1).error().code()).isEqualTo("ErrorInvalidRequest");
        assertThat(entries.get(1).attachment()).isNull();
        assertThat(entries.get(3).attachment().objectKey()).endsWith(Commands.attachmentId(3));
        assertThat(entries.get(6).actor()).as("the system of record is no caller").isNull();
        assertThat(entries.get(6).source().topic()).isEqualTo("calendar-events");
        String all = String.join("\n", raw.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList());
        assertThat(all).doesNotContain(new String(MENU, StandardCharsets.US_ASCII))
                .doesNotContain(java.util.Base64.getEncoder().encodeToString(MENU));
    }

    @Test
    void theSameLogGivesTheSameEntriesByteForByte(@TempDir Path otherState) throws Exception {
        script(h);
        List<byte[]> live = h.auditEntries();
        List<byte[]> replayed;
        try (TopologyHarness replay = new TopologyHarness(Files.createDirectories(otherState.resolve("r")))) {
            script(replay);
            replayed = replay.auditEntries();
        }

        assertThat(replayed).hasSameSizeAs(live);
        for (int i = 0; i < live.size(); i++) {
            assertThat(new String(replayed.get(i), StandardCharsets.UTF_8)).isEqualTo(
                    new String(live.get(i), StandardCharsets.UTF_8));
        }
    }

    @Test
    void checkpointsAreSignedRootsOfTheEntriesAndEachExtendsTheLast() {
        script(h);
        List<byte[]> entries = h.auditEntries();
        h.driver.advanceWallClockTime(Duration.ofMinutes(1));
        List<AuditCheckpoint> checkpoints = h.checkpoints();
        MerkleTree tree = new MerkleTree();
        entries.forEach(entry -> tree.append(TreeHashes.leaf(entry)));

        assertThat(checkpoints).extracting(AuditCheckpoint::treeSize).as("every 4 entries, then on the timer")
                .containsExactly(4L, 7L);
        List<byte[]> roots = new ArrayList<>();
        for (AuditCheckpoint checkpoint : checkpoints) {
            assertThat(CheckpointSignatures.verify(checkpoint, TopologyHarness.AUDIT_KEYS.getPublic())).isTrue();
            assertThat(checkpoint.log()).isEqualTo("attachment-audit");
            assertThat(checkpoint.rootHash()).isEqualTo(HexFormat.of().formatHex(tree.root(checkpoint.treeSize())));
            roots.add(HexFormat.of().parseHex(checkpoint.rootHash()));
        }
        assertThat(TreeProofs.verifyConsistency(4, 7, tree.consistencyProof(4, 7), roots.get(0), roots.get(1)))
                .isTrue();
        h.driver.advanceWallClockTime(Duration.ofMinutes(1));
        assertThat(h.checkpoints()).as("nothing new to sign").isEmpty();
    }
}
