package dev.attache.audit.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;

import dev.attache.audit.verify.Difference;
import dev.attache.audit.verify.Verification;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "verify", description = {
    "Replays the log in a shadow application (its own group and topics, deleted afterwards) and compares the",
    "records and trail it makes with the live ones; checks every signed checkpoint against the trail, and every",
    "live record's object in S3 (length and SHA-256). Exit 0 when everything matches, 1 with a list of",
    "differences naming each attachment."})
final class VerifyCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--from", paramLabel = "INSTANT",
            description = "Report only what changed at or after this instant (ISO-8601, e.g. 2026-12-01T00:00:00Z);"
                    + " the replay still starts at the first command.")
    Instant from;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Verification.Report report;
        try (Bars bars = new Bars(err)) {
            report = new Verification(connection.resolve(), bars).run(from == null ? Instant.EPOCH : from);
        }
        out.printf("replayed %d records in %.1f s, %.0f records/s once under way; a plain consumer read %d commands"
                        + " in %.1f s, %.0f/s once under way (replay %.2fx)%n", report.replayed(),
                report.replayTime().toMillis() / 1000.0, report.replayPace(), report.rawRecords(),
                report.rawTime().toMillis() / 1000.0, report.rawPace(), report.replayRatio());
        out.printf("compared %d live records; checked %d checkpoints and %d objects (%d bytes)%n", report.records(),
                report.checkpoints(), report.objects(), report.bytes());
        for (String skipped : report.notChecked()) {
            out.println("not checked: " + skipped);
        }
        if (report.clean()) {
            out.println("verified: everything checked is what the log makes");
            return 0;
        }
        out.println(report.differences().size() + " differences:");
        for (Difference difference : report.differences()) {
            out.println("  " + difference);
        }
        return AuditCommand.FOUND_DIFFERENCES;
    }

    /** One progress bar per phase: records replayed, then bytes read back from S3. */
    private static final class Bars implements Verification.Progress, AutoCloseable {

        private final PrintWriter err;
        private ProgressBar bar;

        Bars(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void phase(String name, long total) {
            close();
            ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName(name).setInitialMax(total)
                    .showSpeed().setUpdateIntervalMillis(500);
            if ("objects".equals(name)) {
                builder.setUnit(" MiB", 1024 * 1024);
            }
            if (System.console() == null) {
                builder.setConsumer(new DelegatingProgressBarConsumer(line -> {
                    err.println(line.strip());
                    err.flush();
                })).setUpdateIntervalMillis(5_000).setStyle(ProgressBarStyle.ASCII);
            }
            bar = builder.build();
        }

        @Override
        public void advance(long done) {
            if (bar != null) {
                bar.stepTo(done);
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }
}
