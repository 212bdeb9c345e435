package dev.attache.audit.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import dev.attache.audit.log.TrailEntry;
import dev.attache.audit.trail.EntryFormat;
import dev.attache.audit.trail.TrailQuery;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "history", description = {
    "The trail of an event, an attachment or a user: who (oid or app id, tenant), what (add, delete, refused with",
    "the reason), when (log time, UTC), where (route, API version), request ids and the content's hash."})
final class HistoryCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Subject subject;

    static final class Subject {
        @Option(names = "--event", paramLabel = "ID")
        String eventId;

        @Option(names = "--attachment", paramLabel = "ID")
        String attachmentId;

        @Option(names = "--user", paramLabel = "OID|UPN")
        String userId;
    }

    @Option(names = "--tenant", paramLabel = "TID", description = "Only this tenant's entries.")
    String tenantId;

    @Option(names = "--from", paramLabel = "INSTANT", description = "From this log time (inclusive).")
    Instant from;

    @Option(names = "--to", paramLabel = "INSTANT", description = "Until this log time (exclusive).")
    Instant to;

    @Option(names = "--json", description = "JSON lines: each entry as written, with its partition and index.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<TrailEntry> selected = new TrailQuery(tenantId, subject.eventId, subject.attachmentId, subject.userId,
                from, to).select(TrailReading.live(connection.resolve()).all());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            selected.forEach(entry -> out.println(EntryFormat.jsonLine(entry)));
        } else {
            EntryFormat.table(TABLE, selected.stream().map(EntryFormat::columns).toList()).forEach(out::println);
        }
        out.flush();
        return 0;
    }

    static final List<String> TABLE = List.of("loggedAt", "tenantId", "actorKind", "actorId", "action", "outcome",
            "eventId", "attachmentId", "name", "sha256", "apiVersion", "requestId", "clientRequestId", "error");
}
