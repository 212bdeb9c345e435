package dev.attache.processor.rules;

import dev.attache.schemas.attachment.AttachmentRecord;
import dev.attache.schemas.attachment.ReplyError;

/** What the rules decided for one command. */
public sealed interface Decision {

    /** The command describes a valid attachment: this is its record. */
    record Accepted(AttachmentRecord record) implements Decision {
    }

    /**
     * The client sent something Graph would refuse. The processor owns the stored object from the moment the command
     * was appended, so it discards it.
     */
    record Rejected(ReplyError error) implements Decision {
    }

    /**
     * The command itself cannot be read as a version-1 {@code add} (a producer bug, or a newer schema this build does
     * not know). The object is kept: a newer processor replaying the log may accept it.
     */
    record Unprocessable(String reason) implements Decision {
    }
}
