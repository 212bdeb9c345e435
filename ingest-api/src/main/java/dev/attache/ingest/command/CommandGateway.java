package dev.attache.ingest.command;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.schemas.attachment.AttachmentReply;
import dev.attache.schemas.kafka.AttachmentKeys;
import dev.attache.schemas.kafka.Topics;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.reply.KafkaRequestReply;

/**
 * Appends commands (acks=all, idempotent) and waits for the processor's reply, which is read {@code read_committed}:
 * a reply is only seen once the transaction holding the record has committed. Each instance reads the replies with a
 * group of its own and keeps those it is waiting for, so any number of instances share one replies topic.
 */
@ApplicationScoped
public class CommandGateway {

    @Inject
    @Channel(Topics.ATTACHMENT_COMMANDS)
    KafkaRequestReply<AttachmentCommand, AttachmentReply> requests;

    /**
     * Appends {@code command} keyed by its event and waits for the reply (up to the configured reply timeout).
     *
     * @throws CommandNotAppendedException when Kafka refused or never acknowledged it
     */
    public CommandOutcome send(AttachmentCommand command) throws CommandNotAppendedException {
        Message<AttachmentCommand> message = Message.of(command).addMetadata(OutgoingKafkaRecordMetadata.<String> builder()
                .withKey(AttachmentKeys.eventKey(command.tenantId(), command.eventId()))
                .build());
        try {
            AttachmentReply reply = requests.request(message).map(Message::getPayload).await().indefinitely();
            return new CommandOutcome.Replied(reply);
        } catch (TimeoutException e) {
            // The reply timeout only starts once the broker acknowledged the append.
            return new CommandOutcome.Pending();
        } catch (RuntimeException e) {
            throw new CommandNotAppendedException(e);
        }
    }
}
