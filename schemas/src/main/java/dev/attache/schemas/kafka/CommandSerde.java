package dev.attache.schemas.kafka;

import dev.attache.schemas.attachment.AttachmentCommand;

/** {@link JsonSerde} of {@link AttachmentCommand} with a no-argument constructor, for clients configured by class name. */
public final class CommandSerde extends JsonSerde<AttachmentCommand> {

    public CommandSerde() {
        super(AttachmentCommand.class);
    }
}
