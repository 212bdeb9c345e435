package dev.attache.processor.topology;

import static dev.attache.schemas.kafka.ReplyHeaders.CORRELATION_ID;
import static dev.attache.schemas.kafka.ReplyHeaders.REPLY_PARTITION;
import static dev.attache.schemas.kafka.ReplyHeaders.REPLY_TOPIC;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

/**
 * Where and how to answer a command, read from the headers SmallRye's {@code KafkaRequestReply} writes.
 *
 * @param topic the reply topic: one the configuration allows, never whatever a header names
 * @param partition the partition the requester listens on, when it pinned one
 * @param correlationId the requester's correlation id, copied byte for byte
 */
record ReplyRoute(String topic, Integer partition, byte[] correlationId) {

    private static final Logger LOG = Logger.getLogger(ReplyRoute.class);

    /**
     * The route asked for by a command's headers, or empty when it asked for none (a replay, audit tooling) or for
     * one it may not have.
     */
    static Optional<ReplyRoute> of(Headers headers, Pattern allowedTopics) {
        Header topicHeader = headers.lastHeader(REPLY_TOPIC);
        if (topicHeader == null || topicHeader.value() == null) {
            return Optional.empty();
        }
        String topic = new String(topicHeader.value(), StandardCharsets.UTF_8);
        if (!allowedTopics.matcher(topic).matches()) {
            LOG.warnf("Not replying to topic '%s': it does not match %s", topic, allowedTopics);
            return Optional.empty();
        }
        Header correlation = headers.lastHeader(CORRELATION_ID);
        if (correlation == null || correlation.value() == null) {
            LOG.warnf("Not replying to topic '%s': the command has no %s header", topic, CORRELATION_ID);
            return Optional.empty();
        }
        return Optional.of(new ReplyRoute(topic, partition(headers.lastHeader(REPLY_PARTITION)),
                correlation.value().clone()));
    }

    /**
     * The headers of the reply: the correlation id and nothing else. Not {@code REPLY_TOPIC}: the requester takes a
     * record that carries it for a request and ignores it. Not {@code REPLY_PARTITION}: the partition is where the
     * reply is written, not something it says.
     */
    Headers replyHeaders() {
        return new RecordHeaders().add(CORRELATION_ID, correlationId.clone());
    }

    /** SmallRye writes the partition as a 4-byte big-endian int; anything else is ignored. */
    private static Integer partition(Header header) {
        if (header == null || header.value() == null || header.value().length != Integer.BYTES) {
            return null;
        }
        int partition = ByteBuffer.wrap(header.value()).getInt();
        return partition >= 0 ? partition : null;
    }
}
