package dev.attache.ingest.command;

import dev.attache.schemas.attachment.AttachmentReply;

/** What became of a command: the processor's committed reply, or no reply in time although it was appended. */
public sealed interface CommandOutcome {

    /** The processor committed its decision. */
    record Replied(AttachmentReply reply) implements CommandOutcome {
    }

    /** The command is durably in the log, the reply is late: the decision will still be made. */
    record Pending() implements CommandOutcome {
    }
}
