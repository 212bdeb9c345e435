package dev.attache.ingest.command;

/** Kafka did not acknowledge the command. Whether it may still be in the log is {@link #maybeAppended()}. */
public class CommandNotAppendedException extends Exception {

    private final boolean maybeAppended;

    private CommandNotAppendedException(Throwable cause, boolean maybeAppended) {
        super("The command was not acknowledged: " + cause, cause);
        this.maybeAppended = maybeAppended;
    }

    /** The command was never handed to the producer. */
    static CommandNotAppendedException neverSent(Throwable cause) {
        return new CommandNotAppendedException(cause, false);
    }

    /** The producer failed to get an acknowledgement; the broker may or may not have written it. */
    static CommandNotAppendedException unacknowledged(Throwable cause) {
        return new CommandNotAppendedException(cause, !AppendFailures.certainlyNotAppended(cause));
    }

    /**
     * Whether the command may be in the log despite the failure: its object must then be kept, since deleting it
     * would leave a record pointing at nothing.
     */
    public boolean maybeAppended() {
        return maybeAppended;
    }
}
