package dev.attache.processor.topology;

import static dev.attache.processor.Commands.JPEG;
import static dev.attache.processor.Commands.MENU;
import static dev.attache.schemas.kafka.ReplyHeaders.CORRELATION_ID;
import static dev.attache.schemas.kafka.ReplyHeaders.REPLY_PARTITION;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.attache.processor.Commands;
import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.schemas.attachment.AttachmentRecord;
import dev.attache.schemas.attachment.AttachmentReply;
import dev.attache.schemas.attachment.ReplyError;
import dev.attache.schemas.kafka.AttachmentKeys;
import dev.attache.schemas.kafka.Topics;

class AttachmentTopologyTest {

    static final Instant T0 = Instant.parse("2026-11-27T14:00:00.250Z");
    static final byte[] CORRELATION = TopologyHarness.CORRELATION;

    @TempDir
    Path stateDir;

    TopologyHarness harness;
    TopologyTestDriver driver;

    @BeforeEach
    void start() {
        harness = new TopologyHarness(stateDir);
        driver = harness.driver;
        // attachments belong to events that exist: the signed-in user's event, as the calendar system publishes it
        harness.publish(Commands.myEvent());
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    static Headers request(String replyTopic) {
        return TopologyHarness.request(replyTopic);
    }

    void send(AttachmentCommand command, Headers headers, Instant appendTime) {
        harness.send(command, headers, appendTime);
    }

    List<TestRecord<String, AttachmentRecord>> attachments() {
        return harness.attachments();
    }

    List<TestRecord<String, AttachmentReply>> replies() {
        return harness.replies();
    }

    KeyValueStore<String, AttachmentRecord> store() {
        return harness.store();
    }

    List<KeyValue<String, AttachmentRecord>> storedForEvent(String tenant, String event) {
        return harness.storedForEvent(tenant, event);
    }

    double counted(String outcome) {
        return harness.counted(outcome);
    }

    @Test
    void anAcceptedCommandIsStoredPublishedAndAnswered() {
        AttachmentCommand command = Commands.file("menu.txt", MENU).build();
        String key = AttachmentKeys.attachmentKey(command.tenantId(), command.eventId(), command.attachmentId());

        send(command, request(Topics.ATTACHMENT_REPLIES), T0);

        AttachmentRecord record = store().get(key);
        assertThat(record.contentType()).isEqualTo("text/plain");
        assertThat(record.size()).isEqualTo(20);
        assertThat(record.lastModifiedDateTime()).isEqualTo("2026-11-27T14:00:00Z");

        List<TestRecord<String, AttachmentRecord>> published = attachments();
        assertThat(published).hasSize(1);
        assertThat(published.get(0).key()).isEqualTo(key);
        assertThat(published.get(0).value()).isEqualTo(record);
        assertThat(published.get(0).getRecordTime()).isEqualTo(T0);
        assertThat(published.get(0).headers().toArray()).as("no command header leaks into the record").isEmpty();

        List<TestRecord<String, AttachmentReply>> replies = replies();
        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).key()).isEqualTo(AttachmentKeys.eventKey(command.tenantId(), command.eventId()));
        assertThat(replies.get(0).value()).isEqualTo(AttachmentReply.created(record));
        assertThat(harness.discarded()).isEmpty();
        assertThat(counted("created")).isEqualTo(1);
    }

    @Test
    void theReplyCarriesTheCorrelationIdAndNoOtherHeader() {
        Headers headers = request(Topics.ATTACHMENT_REPLIES)
                .add(REPLY_PARTITION, ByteBuffer.allocate(4).putInt(0).array())
                .add("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01".getBytes(
                        StandardCharsets.US_ASCII));

        send(Commands.file("menu.txt", MENU).build(), headers, T0);

        Header[] replyHeaders = replies().get(0).headers().toArray();
        assertThat(replyHeaders).extracting(Header::key).containsExactly(CORRELATION_ID);
        assertThat(replyHeaders[0].value()).isEqualTo(CORRELATION);
    }

    @Test
    void anEventsAttachmentsAreOnePrefixScan() {
        harness.publish(Commands.event(Commands.TENANT, Commands.EVENT + "2", Commands.myEvent().owner(), null, null));
        send(Commands.file("menu.txt", MENU).id(Commands.attachmentId(1)).build(), new RecordHeaders(), T0);
        send(Commands.file("flower", JPEG).id(Commands.attachmentId(2)).build(), new RecordHeaders(), T0);
        send(Commands.file("other.txt", MENU).id(Commands.attachmentId(3)).event(Commands.EVENT + "2").build(),
                new RecordHeaders(), T0);

        assertThat(storedForEvent(Commands.TENANT, Commands.EVENT))
                .extracting(entry -> entry.value.name())
                .containsExactly("menu.txt", "flower");
        assertThat(storedForEvent(Commands.TENANT, Commands.EVENT + "2"))
                .extracting(entry -> entry.value.name())
                .containsExactly("other.txt");
    }

    @Test
    void aRejectedCommandDiscardsItsObjectStoresNothingAndAnswersTheError() {
        AttachmentCommand command = Commands.file("flower.png", JPEG).contentType("image/png").build();

        send(command, request(Topics.ATTACHMENT_REPLIES), T0);

        List<TestRecord<String, AttachmentReply>> replies = replies();
        assertThat(replies).hasSize(1);
        AttachmentReply reply = replies.get(0).value();
        assertThat(reply.outcome()).isEqualTo(AttachmentReply.REJECTED);
        assertThat(reply.attachmentId()).isEqualTo(command.attachmentId());
        assertThat(reply.error()).isEqualTo(new ReplyError(400, "ErrorInvalidRequest",
                "The contentType 'image/png' does not match the content, which was detected as 'image/jpeg'."));
        assertThat(replies.get(0).headers().toArray()).extracting(Header::key).containsExactly(CORRELATION_ID);
        assertThat(harness.discarded()).containsExactly(command.object());
        assertThat(storedForEvent(command.tenantId(), command.eventId())).isEmpty();
        assertThat(attachments()).isEmpty();
        assertThat(counted("rejected")).isEqualTo(1);
    }

    @Test
    void aDuplicateCommandIsAnsweredFromTheStoreWithoutANewRecord() {
        AttachmentCommand command = Commands.file("menu.txt", MENU).build();

        send(command, request(Topics.ATTACHMENT_REPLIES), T0);
        send(command, request(Topics.ATTACHMENT_REPLIES), T0.plusSeconds(90));

        List<TestRecord<String, AttachmentReply>> replies = replies();
        assertThat(replies).hasSize(2);
        assertThat(replies.get(1).value()).isEqualTo(replies.get(0).value());
        assertThat(replies.get(1).value().attachment().lastModifiedDateTime()).isEqualTo("2026-11-27T14:00:00Z");
        assertThat(attachments()).hasSize(1);
        assertThat(storedForEvent(command.tenantId(), command.eventId())).hasSize(1);
        assertThat(counted("created")).isEqualTo(1);
        assertThat(counted("duplicate")).isEqualTo(1);
    }

    @Test
    void aDuplicateIdNeverDiscardsTheStoredAttachmentsObject() {
        AttachmentCommand original = Commands.file("flower", JPEG).build();
        // same attachment id, but this copy would be refused: the stored attachment wins, its object stays
        AttachmentCommand conflicting = Commands.file("flower", JPEG).contentType("text/plain").build();

        send(original, request(Topics.ATTACHMENT_REPLIES), T0);
        send(conflicting, request(Topics.ATTACHMENT_REPLIES), T0.plusSeconds(1));

        List<TestRecord<String, AttachmentReply>> replies = replies();
        assertThat(replies).extracting(reply -> reply.value().outcome()).containsExactly("created", "created");
        assertThat(replies.get(1).value().attachment().contentType()).isEqualTo("image/jpeg");
        assertThat(harness.discarded()).isEmpty();
    }

    @Test
    void aCommandWithoutReplyTopicIsProcessedWithoutReply() {
        AttachmentCommand command = Commands.file("menu.txt", MENU).build();

        send(command, new RecordHeaders().add(CORRELATION_ID, CORRELATION), T0);

        assertThat(replies()).isEmpty();
        assertThat(attachments()).hasSize(1);
        assertThat(storedForEvent(command.tenantId(), command.eventId())).hasSize(1);
    }

    @Test
    void aReplyTopicOutsideThePatternGetsNothing() {
        AttachmentCommand accepted = Commands.file("menu.txt", MENU).id(Commands.attachmentId(1)).build();
        AttachmentCommand rejected = Commands.file("", MENU).id(Commands.attachmentId(2)).build();

        send(accepted, request("audit-log"), T0);
        send(rejected, request(Topics.ATTACHMENTS), T0);

        assertThat(driver.producedTopicNames()).doesNotContain("audit-log", Topics.ATTACHMENT_REPLIES);
        assertThat(attachments()).extracting(TestRecord::key).containsExactly(AttachmentKeys.attachmentKey(
                accepted.tenantId(), accepted.eventId(), accepted.attachmentId()));
        assertThat(harness.discarded()).containsExactly(rejected.object());
    }

    @Test
    void anUnreadableCommandIsAnsweredButChangesNothing() {
        AttachmentCommand command = Commands.file("menu.txt", MENU).schemaVersion(2).build();

        send(command, request(Topics.ATTACHMENT_REPLIES), T0);

        assertThat(replies()).extracting(TestRecord::value).containsExactly(AttachmentReply.rejected(
                command.attachmentId(), new ReplyError(500, "generalException",
                        "The attachment could not be processed.")));
        assertThat(harness.discarded()).isEmpty();
        assertThat(attachments()).isEmpty();
        assertThat(counted("unprocessable")).isEqualTo(1);
    }

    @Test
    void replayingTheCommandLogRebuildsByteIdenticalRecords(@TempDir Path replayStateDir) {
        List<AttachmentCommand> log = List.of(
                Commands.file("menu.txt", MENU).id(Commands.attachmentId(1)).build(),
                Commands.file("flower", JPEG).id(Commands.attachmentId(2)).inline(true).contentId("flower").build(),
                Commands.file("bad.png", JPEG).id(Commands.attachmentId(3)).contentType("image/png").build(),
                Commands.item("Holiday event", "microsoft.graph.event").id(Commands.attachmentId(4)).build(),
                Commands.reference("Pics", new dev.attache.schemas.attachment.ReferenceFields(
                        "https://contoso.com/pics", "ONEDRIVECONSUMER", "Edit", true, null, null))
                        .id(Commands.attachmentId(5)).build(),
                Commands.file("menu.txt", MENU).id(Commands.attachmentId(1)).build());

        // live: requests with reply headers; replay (audit): the same records, no headers, a fresh application
        for (int i = 0; i < log.size(); i++) {
            send(log.get(i), request(Topics.ATTACHMENT_REPLIES), T0.plusMillis(1_337L * i));
        }
        List<String> live = harness.rawAttachments();
        try (TopologyHarness replay = new TopologyHarness(replayStateDir)) {
            replay.publish(Commands.myEvent());
            for (int i = 0; i < log.size(); i++) {
                replay.send(log.get(i), new RecordHeaders(), T0.plusMillis(1_337L * i));
            }

            assertThat(live).hasSize(4);
            assertThat(replay.rawAttachments()).isEqualTo(live);
        }
    }
}
