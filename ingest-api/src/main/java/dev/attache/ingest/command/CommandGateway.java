package dev.attache.ingest.command;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.ingest.error.GraphException;
import dev.attache.schemas.attachment.AttachmentReply;
import dev.attache.schemas.attachment.ReplyError;
import dev.attache.schemas.kafka.AttachmentKeys;
import dev.attache.schemas.kafka.JsonSerde;
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

    private static final Logger LOG = Logger.getLogger(CommandGateway.class);
    /** Generous room for the key, the two reply headers and the record and batch framing. */
    static final int RECORD_OVERHEAD_BYTES = 4096;

    private static final Serializer<AttachmentCommand> SERIALIZER = JsonSerde.commands().serializer();

    /** Serialized here, so the size is known before the send: the producer would refuse an oversized record late. */
    @Inject
    @Channel(Topics.ATTACHMENT_COMMANDS)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    MutinyEmitter<byte[]> commands;

    /** The producer's {@code max.request.size}: a record larger than this never leaves it. */
    @ConfigProperty(name = "mp.messaging.outgoing.attachment-commands.max.request.size")
    int maxRequestSize;

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
        byte[] value = SERIALIZER.serialize(Topics.ATTACHMENT_COMMANDS, command);
        // the key, headers and batch framing come on top of the value
        int limit = maxRequestSize - RECORD_OVERHEAD_BYTES;
        if (value.length > limit) {
            throw CommandNotAppendedException.tooLarge(value.length, limit);
        }
        String correlationId = UUID.randomUUID().toString();
        try {
            if (!replies.awaitPositioned(replyTimeout)) {
                throw CommandNotAppendedException.neverSent(new IllegalStateException("The replies topic is not readable"));
            }
            CompletableFuture<AttachmentReply> reply = replies.expect(correlationId);
            try {
                append(command, value, correlationId);
            } catch (CommandNotAppendedException e) {
                replies.forget(correlationId);
                throw e;
            }
            try {
                // From here the command is in the log: whatever happens, the client is not told to retry.
                return new CommandOutcome.Replied(reply.get(replyTimeout.toMillis(), TimeUnit.MILLISECONDS));
            } catch (TimeoutException | ExecutionException | CancellationException e) {
                // late, unreadable, or this instance is shutting down: the command is in the log all the same
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
     * Appends the command once. A failure that may have come after the broker wrote it is not retried here: a second
     * copy could be decided differently from the first (the registry may change between them), so the client is told
     * "pending" instead, and the producer's own retries (idempotent: the broker drops a copy it already has) are the
     * only resends.
     */
    private void append(AttachmentCommand command, byte[] value, String correlationId)
            throws CommandNotAppendedException {
        try {
            commands.sendMessage(message(command, value, correlationId)).await().atMost(replyTimeout.plusSeconds(30));
        } catch (RuntimeException e) {
            throw CommandNotAppendedException.unacknowledged(e);
        }
    }

    /**
     * Sends a command that stores no object of its own (events, deletions) and answers its committed reply, or empty
     * when the command is in the log but the reply was late, or may be in the log (the client then gets 202, never a
     * retryable status).
     *
     * @throws GraphException the processor's refusal, or 503 + Retry-After when nothing was appended
     */
    public Optional<AttachmentReply> submit(AttachmentCommand command) {
        CommandOutcome outcome;
        try {
            outcome = send(command);
        } catch (CommandNotAppendedException e) {
            if (e.maybeAppended()) {
                LOG.warnf("Command %s for event %s may be in the log although unacknowledged: answered as pending",
                        command.type(), command.eventId());
                return Optional.empty();
            }
            throw e.refusal().orElseGet(() -> GraphException.unavailable(
                    "The log is unavailable; nothing was changed. Retry later.", 5, e));
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

    private Message<byte[]> message(AttachmentCommand command, byte[] value, String correlationId) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(ReplyHeaders.CORRELATION_ID, correlationId.getBytes(StandardCharsets.UTF_8));
        headers.add(ReplyHeaders.REPLY_TOPIC, replies.topic().getBytes(StandardCharsets.UTF_8));
        return Message.of(value).addMetadata(OutgoingKafkaRecordMetadata.<String> builder()
                .withKey(AttachmentKeys.eventKey(command.tenantId(), command.eventId()))
                .withHeaders(headers)
                .build());
    }
}
