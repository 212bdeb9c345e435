package dev.attache.audit;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.attache.audit.log.TrailEntry;
import dev.attache.schemas.attachment.ReplyError;
import dev.attache.schemas.attachment.Route;
import dev.attache.schemas.attachment.Trace;
import dev.attache.schemas.audit.AuditEntry;
import dev.attache.schemas.kafka.ContractJson;

/** A trail written by hand: entries as the processor writes them, one partition, in order. */
public final class Entries {

    public static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public static final String OTHER_TENANT = "0b6a5f5e-6f6b-4c1a-9e1d-3a8a9a2a0c11";
    public static final String ALICE = "5f1d0c5e-0000-4000-8000-000000000001";
    public static final String BOB = "5f1d0c5e-0000-4000-8000-000000000002";
    static final Route ROUTE = new Route("v1.0", "me", ALICE, "events", null, null);

    private final List<TrailEntry> entries = new ArrayList<>();

    public Entries add(String tenant, String event, String attachment, String user, String outcome, String at) {
        return entry(new AuditEntry(1, "add", outcome, false, tenant, event, attachment, null,
                new AuditEntry.Actor("delegated", user, null), ROUTE, new Trace("r-" + attachment, "c"), at, null,
                outcome.equals("rejected") ? new ReplyError(400, "ErrorInvalidRequest", "no") : null,
                outcome.equals("created") ? facts(attachment) : null));
    }

    public Entries delete(String tenant, String event, String attachment, String user, String at) {
        return entry(new AuditEntry(1, "delete-attachment", "deleted", false, tenant, event, attachment, null,
                new AuditEntry.Actor("delegated", user, null), ROUTE, null, at, null, null, facts(attachment)));
    }

    public Entries eventDeleted(String tenant, String event, String at) {
        return entry(new AuditEntry(1, "event-removed", "deleted", false, tenant, event, null, null, null, null, null,
                at, null, null, null));
    }

    public Entries repeat(String tenant, String event, String attachment, String user, String at) {
        return entry(new AuditEntry(1, "add", "created", true, tenant, event, attachment, null,
                new AuditEntry.Actor("delegated", user, null), ROUTE, null, at, null, null, null));
    }

    public List<TrailEntry> list() {
        return List.copyOf(entries);
    }

    private Entries entry(AuditEntry entry) {
        try {
            entries.add(TrailEntry.of(0, entries.size(), ContractJson.MAPPER.writeValueAsBytes(entry)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    private static AuditEntry.Facts facts(String attachment) {
        return new AuditEntry.Facts("#microsoft.graph.fileAttachment", attachment + ".txt", "text/plain", 3,
                "2026-12-07T10:00:00Z", TENANT + "/" + attachment, 3, "a".repeat(64), null);
    }
}
