package dev.attache.processor.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.attache.processor.Commands;
import dev.attache.processor.rules.GraphErrors;
import dev.attache.processor.rules.LookupAnswer;
import dev.attache.schemas.event.CalendarEvent;
import dev.attache.schemas.kafka.CalendarEventSerde;
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
