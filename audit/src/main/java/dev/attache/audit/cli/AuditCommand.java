package dev.attache.audit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code attache audit}: the auditor's tool. It reads Kafka and S3 directly; it never writes to a live topic. */
@Command(name = "attache audit", mixinStandardHelpOptions = true,
        description = "Replay and verify the attachment log, and query its audit trail.",
        subcommands = {VerifyCommand.class, HistoryCommand.class, AsOfCommand.class, ExportCommand.class,
            ProveCommand.class, CommandLine.HelpCommand.class})
public final class AuditCommand implements Runnable {

    /** Exit code of a verification that found differences, or of a proof that does not verify. */
    public static final int FOUND_DIFFERENCES = 1;
    /** Exit code when the audit could not run (connection, arguments). */
    public static final int CANNOT_RUN = 2;

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        return execute(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs {@code args}, writing its answer to {@code out} and its progress and errors to {@code err}. */
    public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new AuditCommand()).setOut(out).setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            commandLine.getErr().println("attache audit: " + e.getMessage());
            return CANNOT_RUN;
        });
        return cli.execute(args);
    }
}
