package dev.attache.ingest.command;

/** Kafka did not take the command: it is not in the log and will never be processed. */
public class CommandNotAppendedException extends Exception {

    public CommandNotAppendedException(Throwable cause) {
        super("The command was not appended: " + cause, cause);
    }
}
