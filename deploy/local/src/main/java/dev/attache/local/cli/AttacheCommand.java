package dev.attache.local.cli;

import dev.attache.local.logging.StackLogging;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code attache}: runs the local stack and mints dev tokens for it. */
@Command(name = "attache",
        mixinStandardHelpOptions = true,
        versionProvider = AttacheVersion.class,
        description = "The attache local stack: a real Kafka broker, an S3 server and the two apps, without Docker.",
        subcommands = {UpCommand.class, TokenCommand.class, UploadCommand.class, SweepCommand.class,
            ServiceKeyCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Run `attache help COMMAND` for a command's options.",
            "`attache bench` measures the pipeline against raw S3 and Kafka (see `attache bench --help`)."})
public final class AttacheCommand implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        StackLogging.disableLog4jShutdownHook();
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new AttacheCommand());
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: up, token or sweep");
    }
}
