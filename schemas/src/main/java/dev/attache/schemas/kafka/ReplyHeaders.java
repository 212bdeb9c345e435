package dev.attache.schemas.kafka;

/**
 * Record headers of the request-reply exchange, as SmallRye's {@code KafkaRequestReply} writes them
 * (its defaults). The replier copies the correlation id, and must not copy the reply topic: a record that
 * carries {@link #REPLY_TOPIC} is taken for a request by the requester and ignored.
 */
public final class ReplyHeaders {

    public static final String CORRELATION_ID = "REPLY_CORRELATION_ID";
    public static final String REPLY_TOPIC = "REPLY_TOPIC";
    /** Optional: 4 bytes, big-endian int, present when the requester pinned its reply partition. */
    public static final String REPLY_PARTITION = "REPLY_PARTITION";

    private ReplyHeaders() {
    }
}
