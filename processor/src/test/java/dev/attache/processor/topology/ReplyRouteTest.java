package dev.attache.processor.topology;

import static dev.attache.schemas.kafka.ReplyHeaders.CORRELATION_ID;
import static dev.attache.schemas.kafka.ReplyHeaders.REPLY_PARTITION;
import static dev.attache.schemas.kafka.ReplyHeaders.REPLY_TOPIC;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import dev.attache.schemas.attachment.AttachmentReply;
import dev.attache.schemas.attachment.ReplyError;
import dev.attache.schemas.kafka.Topics;

class ReplyRouteTest {

    static final Pattern DEFAULT = Pattern.compile(Topics.ATTACHMENT_REPLIES);
    static final byte[] CORRELATION = {0x0A, (byte) 0xF3, 0x00, 0x7E, 0x11};

    static Headers request(String replyTopic) {
        return new RecordHeaders()
                .add(CORRELATION_ID, CORRELATION)
                .add(REPLY_TOPIC, replyTopic.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRequestsReplyGoesToItsTopicWithItsCorrelationIdOnly() {
        ReplyRoute route = ReplyRoute.of(request(Topics.ATTACHMENT_REPLIES), DEFAULT).orElseThrow();

        assertThat(route.topic()).isEqualTo(Topics.ATTACHMENT_REPLIES);
        assertThat(route.partition()).isNull();
        Header[] headers = route.replyHeaders().toArray();
        assertThat(headers).hasSize(1);
        assertThat(headers[0].key()).isEqualTo(CORRELATION_ID);
        assertThat(headers[0].value()).isEqualTo(CORRELATION);
    }

    @Test
    void aPinnedPartitionIsReadButNotRepeated() {
        Headers headers = request(Topics.ATTACHMENT_REPLIES).add(REPLY_PARTITION, ByteBuffer.allocate(4).putInt(3)
                .array());

        ReplyRoute route = ReplyRoute.of(headers, DEFAULT).orElseThrow();

        assertThat(route.partition()).isEqualTo(3);
        assertThat(route.replyHeaders().lastHeader(REPLY_PARTITION)).isNull();
        assertThat(route.replyHeaders().lastHeader(REPLY_TOPIC)).isNull();
    }

    @Test
    void aMalformedPartitionIsIgnored() {
        assertThat(ReplyRoute.of(request(Topics.ATTACHMENT_REPLIES).add(REPLY_PARTITION, new byte[] {3}), DEFAULT)
                .orElseThrow().partition()).isNull();
        assertThat(ReplyRoute.of(request(Topics.ATTACHMENT_REPLIES).add(REPLY_PARTITION,
                ByteBuffer.allocate(4).putInt(-1).array()), DEFAULT).orElseThrow().partition()).isNull();
    }

    @Test
    void noReplyTopicMeansNoReply() {
        assertThat(ReplyRoute.of(new RecordHeaders().add(CORRELATION_ID, CORRELATION), DEFAULT)).isEmpty();
        assertThat(ReplyRoute.of(new RecordHeaders(), DEFAULT)).isEmpty();
    }

    @Test
    void onlyTopicsWhollyMatchingThePatternAreAnswered() {
        assertThat(ReplyRoute.of(request(Topics.ATTACHMENTS), DEFAULT)).isEmpty();
        assertThat(ReplyRoute.of(request("attachment-commands-replies-evil"), DEFAULT)).isEmpty();
        assertThat(ReplyRoute.of(request("x-attachment-commands-replies"), DEFAULT)).isEmpty();

        Pattern perInstance = Pattern.compile("attachment-commands-replies(-[a-z0-9-]+)?");
        assertThat(ReplyRoute.of(request("attachment-commands-replies-ingest-7f9c"), perInstance)).isPresent();
        assertThat(ReplyRoute.of(request("attachments"), perInstance)).isEmpty();
    }

    @Test
    void aRequestWithoutCorrelationIdGetsNoReply() {
        Headers headers = new RecordHeaders().add(REPLY_TOPIC, Topics.ATTACHMENT_REPLIES.getBytes(
                StandardCharsets.UTF_8));

        assertThat(ReplyRoute.of(headers, DEFAULT)).isEmpty();
    }

    @Test
    void theRepliesSinkWritesToThePinnedPartitionWhenTheTopicHasIt() {
        AddressedReply pinned = new AddressedReply(new ReplyRoute("r", 3, CORRELATION), reply());
        AddressedReply unpinned = new AddressedReply(new ReplyRoute("r", null, CORRELATION), reply());

        assertThat(AddressedReply.PARTITION.partitions("r", "k", pinned, 6)).isEqualTo(Optional.of(Set.of(3)));
        assertThat(AddressedReply.PARTITION.partitions("r", "k", pinned, 3)).isEmpty();
        assertThat(AddressedReply.PARTITION.partitions("r", "k", unpinned, 6)).isEmpty();
        assertThat(AddressedReply.topic(null).extract("k", pinned, null)).isEqualTo("r");
    }

    static AttachmentReply reply() {
        return AttachmentReply.rejected("AAMkAtt_0000000000000001", new ReplyError(400, "ErrorInvalidRequest", "x"));
    }
}
