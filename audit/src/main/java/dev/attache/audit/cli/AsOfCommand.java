package dev.attache.audit.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import dev.attache.audit.trail.AttachmentEvents;
import dev.attache.schemas.audit.AuditEntry;
import dev.attache.schemas.kafka.ContractJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "as-of", description = "The attachments an event had at an instant, as the trail records them.")
final class AsOfCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "INSTANT", description = "ISO-8601, e.g. 2026-12-01T12:00:00Z.")
    Instant at;

    @Option(names = "--event", paramLabel = "ID", required = true)
    String eventId;

    @Option(names = "--tenant", paramLabel = "TID", required = true)
    String tenantId;

    @Option(names = "--json", description = "JSON lines: each attachment's add entry.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<AuditEntry> present = AttachmentEvents.asOf(TrailReading.live(connection.resolve()).all(), tenantId,
                eventId, at);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            for (AuditEntry entry : present) {
                out.println(ContractJson.MAPPER.writeValueAsString(entry));
            }
        } else {
            out.printf("%-40s  %-20s  %-32s  %10s  %-64s%n", "attachmentId", "addedAt", "name", "size", "sha256");
            for (AuditEntry entry : present) {
                out.printf("%-40s  %-20s  %-32s  %10d  %-64s%n", entry.attachmentId(), entry.loggedAt(),
                        entry.attachment().name(), entry.attachment().size(), entry.attachment().sha256());
            }
        }
        out.flush();
        return 0;
    }
}
