package dev.attache.ingest.command;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.ingest.error.GraphException;
import dev.attache.schemas.attachment.AttachmentReply;
import dev.attache.schemas.attachment.ReplyError;
import dev.attache.schemas.kafka.AttachmentKeys;
import dev.attache.schemas.kafka.ReplyHeaders;
import dev.attache.schemas.kafka.Topics;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Appends a command with SmallRye Reactive Messaging (acks=all, idempotent), asking for a reply on this instance's
 * replies topic, and waits for the processor's committed reply through {@link ReplyListener}.
 */
@ApplicationScoped
public class CommandGateway {

    @Inject
    @Channel(Topics.ATTACHMENT_COMMANDS)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    MutinyEmitter<AttachmentCommand> commands;

    @Inject
    ReplyListener replies;

    @ConfigProperty(name = "attache.ingest.reply-timeout")
    Duration replyTimeout;

    /**
     * Appends {@code command}, keyed by its event, and waits for the reply up to the reply timeout.
     *
     * @throws CommandNotAppendedException when Kafka did not acknowledge it
     */
    public CommandOutcome send(AttachmentCommand command) throws CommandNotAppendedException {
        String correlationId = UUID.randomUUID().toString();
        try {
            if (!replies.awaitPositioned(replyTimeout)) {
                throw CommandNotAppendedException.neverSent(new IllegalStateException("The replies topic is not readable"));
            }
            CompletableFuture<AttachmentReply> reply = replies.expect(correlationId);
            try {
                commands.sendMessage(message(command, correlationId)).await().atMost(replyTimeout.plusSeconds(30));
            } catch (RuntimeException e) {
                replies.forget(correlationId);
                throw CommandNotAppendedException.unacknowledged(e);
            }
            try {
                // From here the command is in the log: whatever happens, the client is not told to retry.
                return new CommandOutcome.Replied(reply.get(replyTimeout.toMillis(), TimeUnit.MILLISECONDS));
            } catch (TimeoutException | ExecutionException e) {
                replies.forget(correlationId);
                return new CommandOutcome.Pending();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            replies.forget(correlationId);
            throw CommandNotAppendedException.unacknowledged(e);
        }
    }

    /**
     * Sends a command that stores no object of its own (events, deletions) and answers its committed reply, or empty
     * when the command is in the log but the reply was late (the client then gets 202, never a retryable status).
     *
     * @throws GraphException the processor's refusal, or 503 + Retry-After when nothing was appended
     */
    public Optional<AttachmentReply> submit(AttachmentCommand command) {
        CommandOutcome outcome;
        try {
            outcome = send(command);
        } catch (CommandNotAppendedException e) {
            throw GraphException.unavailable("The log is unavailable; nothing was changed. Retry later.", 5, e);
        }
        if (outcome instanceof CommandOutcome.Replied replied) {
            ReplyError error = replied.reply().error();
            if (error != null) {
                throw new GraphException(error.status(), error.code(), error.message());
            }
            return Optional.of(replied.reply());
        }
        return Optional.empty();
    }

    private Message<AttachmentCommand> message(AttachmentCommand command, String correlationId) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(ReplyHeaders.CORRELATION_ID, correlationId.getBytes(StandardCharsets.UTF_8));
        headers.add(ReplyHeaders.REPLY_TOPIC, replies.topic().getBytes(StandardCharsets.UTF_8));
        return Message.of(command).addMetadata(OutgoingKafkaRecordMetadata.<String> builder()
                .withKey(AttachmentKeys.eventKey(command.tenantId(), command.eventId()))
                .withHeaders(headers)
                .build());
    }
}
