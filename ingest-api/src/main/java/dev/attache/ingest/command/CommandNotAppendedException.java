package dev.attache.ingest.command;

import java.util.Optional;

import dev.attache.schemas.graph.GraphErrorCodes;
import dev.attache.ingest.error.GraphException;

/**
 * Kafka did not acknowledge the command. Whether it may still be in the log is {@link #maybeAppended()}; a command
 * refused for what it is (too large for the log) carries the client's answer in {@link #refusal()}.
 */
public class CommandNotAppendedException extends Exception {

    private final boolean maybeAppended;
    private final GraphException refusal;

    private CommandNotAppendedException(String message, Throwable cause, boolean maybeAppended,
            GraphException refusal) {
        super(message, cause);
        this.maybeAppended = maybeAppended;
        this.refusal = refusal;
    }

    /** The command was never handed to the producer. */
    static CommandNotAppendedException neverSent(Throwable cause) {
        return new CommandNotAppendedException("The command was not sent: " + cause, cause, false, null);
    }

    /** The producer failed to get an acknowledgement; the broker may or may not have written it. */
    static CommandNotAppendedException unacknowledged(Throwable cause) {
        return new CommandNotAppendedException("The command was not acknowledged: " + cause, cause,
                !AppendFailures.certainlyNotAppended(cause), null);
    }

    /**
     * The command is larger than the log takes. The field limits make this impossible for a valid request; should
     * it happen anyway, the client learns it is the request, not the service, and that a retry will not help.
     */
    static CommandNotAppendedException tooLarge(int size, int limit) {
        String message = "The request makes a command of " + size + " bytes; the log takes at most " + limit + ".";
        return new CommandNotAppendedException(message, null, false,
                new GraphException(413, GraphErrorCodes.REQUEST_TOO_LARGE, message));
    }

    /**
     * Whether the command may be in the log despite the failure: its object must then be kept, since deleting it
     * would leave a record pointing at nothing, and the client must not be told to retry.
     */
    public boolean maybeAppended() {
        return maybeAppended;
    }

    /** The answer for the client when the request itself was refused; empty when the log was unavailable. */
    public Optional<GraphException> refusal() {
        return Optional.ofNullable(refusal);
    }
}
