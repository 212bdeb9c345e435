package dev.attache.audit.trail;

import static dev.attache.audit.Entries.ALICE;
import static dev.attache.audit.Entries.BOB;
import static dev.attache.audit.Entries.OTHER_TENANT;
import static dev.attache.audit.Entries.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.attache.audit.Entries;
import dev.attache.audit.log.TrailEntry;
import dev.attache.schemas.audit.AuditEntry;

class TrailQueriesTest {

    static final List<TrailEntry> TRAIL = new Entries()
            .add(TENANT, "E1", "a1", ALICE, "created", "2026-12-07T10:00:00Z")
            .add(TENANT, "E1", "a2", BOB, "created", "2026-12-07T10:01:00Z")
            .add(TENANT, "E1", "a3", ALICE, "rejected", "2026-12-07T10:02:00Z")
            .repeat(TENANT, "E1", "a9", ALICE, "2026-12-07T10:02:30Z")
            .add(OTHER_TENANT, "E1", "b1", ALICE, "created", "2026-12-07T10:03:00Z")
            .delete(TENANT, "E1", "a2", ALICE, "2026-12-07T10:04:00Z")
            .add(TENANT, "E2", "a4", ALICE, "created", "2026-12-07T10:05:00Z")
            .eventDeleted(TENANT, "E1", "2026-12-07T10:06:00Z")
            .add(TENANT, "E1", "a5", ALICE, "created", "2026-12-07T10:07:00Z")
            .list();

    static List<String> ids(List<TrailEntry> entries) {
        return entries.stream().map(e -> e.entry().action() + ":" + e.entry().attachmentId()).toList();
    }

    @Test
    void anEventsHistoryStaysInItsTenant() {
        assertThat(ids(new TrailQuery(TENANT, "E1", null, null, null, null).select(TRAIL))).containsExactly(
                "add:a1", "add:a2", "add:a3", "add:a9", "delete-attachment:a2", "event-removed:null", "add:a5");
        assertThat(ids(new TrailQuery(OTHER_TENANT, "E1", null, null, null, null).select(TRAIL)))
                .containsExactly("add:b1");
    }

    @Test
    void anAttachmentsHistoryIncludesItsEventsRemovalAfterIt() {
        assertThat(ids(new TrailQuery(TENANT, null, "a1", null, null, null).select(TRAIL)))
                .containsExactly("add:a1", "event-removed:null");
        assertThat(ids(new TrailQuery(TENANT, null, "a4", null, null, null).select(TRAIL))).containsExactly("add:a4");
    }

    @Test
    void aUsersHistoryAndATimeWindow() {
        assertThat(ids(new TrailQuery(TENANT, null, null, BOB, null, null).select(TRAIL))).containsExactly("add:a2");
        assertThat(ids(new TrailQuery(TENANT, null, null, null, Instant.parse("2026-12-07T10:01:00Z"),
                Instant.parse("2026-12-07T10:04:00Z")).select(TRAIL)))
                .containsExactly("add:a2", "add:a3", "add:a9");
    }

    @Test
    void asOfFoldsAddsDeletesAndRemovalsButNotRepeatsOrRefusals() {
        assertThat(asOf("2026-12-07T10:03:30Z")).containsExactly("a1", "a2");
        assertThat(asOf("2026-12-07T10:04:00Z")).containsExactly("a1");
        assertThat(asOf("2026-12-07T10:06:00Z")).isEmpty();
        assertThat(asOf("2026-12-07T10:08:00Z")).containsExactly("a5");
        assertThat(AttachmentEvents.asOf(TRAIL, OTHER_TENANT, "E1", Instant.parse("2026-12-07T10:08:00Z")))
                .extracting(AuditEntry::attachmentId).containsExactly("b1");
    }

    static List<String> asOf(String at) {
        return AttachmentEvents.asOf(TRAIL, TENANT, "E1", Instant.parse(at)).stream()
                .map(AuditEntry::attachmentId).toList();
    }

    @Test
    void csvCellsAreQuotedAndFormulasDefused() {
        assertThat(EntryFormat.csvRow(List.of("plain", "a,b", "say \"hi\"", "=cmd()", "-1", "")))
                .isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",'=cmd(),'-1,");
    }

    @Test
    void aJsonLineIsTheEntryAsWrittenWithItsPosition() throws Exception {
        String line = EntryFormat.jsonLine(TRAIL.get(1));

        assertThat(line).contains("\"attachmentId\":\"a2\"", "\"partition\":0", "\"index\":1");
    }
}
