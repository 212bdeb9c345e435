package dev.attache.audit.cli;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.attache.audit.log.TrailEntry;
import dev.attache.audit.trail.EntryFormat;
import dev.attache.audit.trail.TrailQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", description = "The trail (or a tenant's, or a window of it) as JSON lines or CSV.")
final class ExportCommand implements Callable<Integer> {

    enum Format { jsonl, csv }

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--out", paramLabel = "FILE", required = true)
    Path out;

    @Option(names = "--format", defaultValue = "jsonl", description = "jsonl (default) or csv.")
    Format format;

    @Option(names = "--tenant", paramLabel = "TID", description = "Only this tenant's entries.")
    String tenantId;

    @Option(names = "--from", paramLabel = "INSTANT")
    Instant from;

    @Option(names = "--to", paramLabel = "INSTANT")
    Instant to;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<TrailEntry> selected = new TrailQuery(tenantId, null, null, null, from, to)
                .select(TrailReading.live(connection.resolve()).all());
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            if (format == Format.csv) {
                writer.write(EntryFormat.csvRow(EntryFormat.COLUMNS));
                writer.newLine();
            }
            for (TrailEntry entry : selected) {
                if (format == Format.csv) {
                    Map<String, String> row = EntryFormat.columns(entry);
                    writer.write(EntryFormat.csvRow(EntryFormat.COLUMNS.stream().map(row::get).toList()));
                } else {
                    writer.write(EntryFormat.jsonLine(entry));
                }
                writer.newLine();
            }
        }
        spec.commandLine().getOut().println("exported " + selected.size() + " entries to " + out);
        return 0;
    }
}
