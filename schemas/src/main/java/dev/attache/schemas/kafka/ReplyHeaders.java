package dev.attache.schemas.kafka;

/**
 * Record headers of the request-reply exchange, named as SmallRye's {@code KafkaRequestReply} names them, so either
 * requester works with the processor. ingest-api writes them on every command; the replier copies the correlation id
 * and never the reply topic (SmallRye takes a record that carries {@link #REPLY_TOPIC} for a request and ignores it).
 */
public final class ReplyHeaders {

    public static final String CORRELATION_ID = "REPLY_CORRELATION_ID";
    public static final String REPLY_TOPIC = "REPLY_TOPIC";
    /** Optional: 4 bytes, big-endian int, present when the requester pinned its reply partition. */
    public static final String REPLY_PARTITION = "REPLY_PARTITION";

    private ReplyHeaders() {
    }
}
