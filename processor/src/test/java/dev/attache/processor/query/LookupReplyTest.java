package dev.attache.processor.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.attache.processor.Commands;
import dev.attache.processor.rules.AttachmentList;
import dev.attache.processor.rules.AttachmentRules;
import dev.attache.processor.rules.Decision;
import dev.attache.processor.rules.GraphErrors;
import dev.attache.processor.rules.LookupAnswer;
import dev.attache.schemas.attachment.AttachmentRecord;
import dev.attache.schemas.event.CalendarEvent;
import dev.attache.schemas.kafka.CalendarEventSerde;
import dev.attache.schemas.kafka.JsonSerde;
import dev.attache.schemas.kafka.Topics;

class LookupReplyTest {

    @Test
    void anEventIsAnsweredWithTheBytesItHasOnTheTopic() {
        CalendarEvent event = Commands.myEvent();

        LookupReply reply = LookupReply.of(LookupAnswer.found(event));

        assertThat(reply.status()).isEqualTo(200);
        try (CalendarEventSerde serde = new CalendarEventSerde()) {
            assertThat(reply.json()).isEqualTo(serde.serializer().serialize(Topics.CALENDAR_EVENTS, event));
        }
    }

    @Test
    void attachmentsAreAValueArrayOfTheBytesTheyHaveOnTheTopic() {
        Instant appended = Instant.parse("2026-11-27T14:00:00.250Z");
        AttachmentRecord menu = ((Decision.Accepted) AttachmentRules.decide(Commands.file("menu.txt", Commands.MENU)
                .id(Commands.attachmentId(1)).build(), appended)).record();
        AttachmentRecord flower = ((Decision.Accepted) AttachmentRules.decide(Commands.file("flower", Commands.JPEG)
                .id(Commands.attachmentId(2)).inline(true).contentId("flower").build(), appended)).record();

        LookupReply reply = LookupReply.of(LookupAnswer.found(new AttachmentList(List.of(menu, flower))));

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes("{\"value\":[".getBytes(StandardCharsets.UTF_8));
        expected.writeBytes(JsonSerde.records().serialize(Topics.ATTACHMENTS, menu));
        expected.writeBytes(",".getBytes(StandardCharsets.UTF_8));
        expected.writeBytes(JsonSerde.records().serialize(Topics.ATTACHMENTS, flower));
        expected.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(expected.toByteArray());
        assertThat(new String(LookupReply.of(LookupAnswer.found(new AttachmentList(List.of()))).json(),
                StandardCharsets.UTF_8)).isEqualTo("{\"value\":[]}");
    }

    @Test
    void anErrorIsItsStatusCodeAndMessage() {
        LookupReply reply = LookupReply.of(LookupAnswer.refused(GraphErrors.ITEM_NOT_FOUND));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(new String(reply.json(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"status\":404,\"code\":\"ErrorItemNotFound\","
                        + "\"message\":\"The specified object was not found in the store.\"}");
        assertThat(reply.retry()).isFalse();
    }

    @Test
    void unavailableIsA503ToRetry() {
        LookupReply reply = LookupReply.unavailable();

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.retry()).isTrue();
        assertThat(new String(reply.json(), StandardCharsets.UTF_8))
                .startsWith("{\"status\":503,\"code\":\"ServiceUnavailable\",");
    }
}
