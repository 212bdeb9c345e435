package dev.attache.ingest.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.schemas.attachment.Idempotency;
import dev.attache.schemas.attachment.AttachmentInput;
import dev.attache.schemas.attachment.ObjectRef;
import dev.attache.schemas.attachment.Trace;
import dev.attache.schemas.attachment.Principal;
import dev.attache.schemas.attachment.ReferenceFields;
import dev.attache.schemas.attachment.Route;
import dev.attache.schemas.attachment.TextField;
import dev.attache.schemas.event.DateTimeTimeZone;
import dev.attache.schemas.event.EmailAddress;
import dev.attache.schemas.event.EventInput;
import dev.attache.schemas.event.ItemBody;
import dev.attache.schemas.kafka.JsonSerde;
import dev.attache.schemas.kafka.TopicSpec;
import dev.attache.schemas.kafka.Topics;

/**
 * No valid request can make a command the log refuses: the largest command the field limits allow fits the
 * producer's {@code max.request.size}, which fits the topic's {@code max.message.bytes}.
 */
class CommandSizeTest {

    /** The longest key, a client-request-id at its limit: what a recognisable create adds to its command. */
    static final Idempotency LARGEST_IDEMPOTENCY = new Idempotency("~".repeat(Idempotency.MAX_KEY_LENGTH),
            "c".repeat(128), Integer.MAX_VALUE, "f".repeat(64), Long.MAX_VALUE, Long.MAX_VALUE,
            Idempotency.MAX_RETENTION_MILLIS, Idempotency.MAX_RETENTION_MILLIS);


    /** Four UTF-8 bytes per character: the worst case of every capped string. */
    static String longest(TextField field) {
        return "\uD83D\uDE00".repeat(field.maxCodePoints());
    }

    /** A token is at most the 32 KiB of headers a request may carry; its claims cannot hold more than that. */
    static Principal largestPrincipal() {
        List<String> groups = IntStream.range(0, 600).mapToObj(i -> "a77ac4e0-0000-4000-8000-" + "%012d".formatted(i))
                .toList();
        return new Principal(Principal.DELEGATED, "a77ac4e0-5e25-4d3e-8000-000000000002", longest(TextField.SHORT),
                List.of("Calendars.ReadWrite", "Calendars.ReadWrite.Shared", "Group.ReadWrite.All"), groups);
    }

    static Route largestRoute() {
        String id = "A".repeat(512);
        return new Route("beta", "user", longest(TextField.SHORT), "calendarGroups", id, id);
    }

    static int maxRequestSize() throws Exception {
        Properties app = new Properties();
        // the main configuration, not the test resources' file of the same name
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            app.load(in);
        }
        return Integer.parseInt(app.getProperty("mp.messaging.outgoing.attachment-commands.max.request.size"));
    }

    @Test
    void theLargestAddFitsTheProducerAndTheTopic() throws Exception {
        AttachmentInput input = new AttachmentInput(longest(TextField.SHORT), longest(TextField.NAME),
                longest(TextField.SHORT), true, longest(TextField.SHORT), longest(TextField.SHORT),
                new ReferenceFields(longest(TextField.URL), longest(TextField.SHORT), longest(TextField.SHORT), true,
                        longest(TextField.URL), longest(TextField.URL)), AttachmentInput.PAYLOAD_CONTENT_BYTES);
        AttachmentCommand add = new AttachmentCommand(1, AttachmentCommand.TYPE_ADD, "q3Jm0V4x8bZQW1hKp2c7Yt9s",
                "a77ac4e0-7e4a-4a11-8000-000000000001", "E".repeat(512), largestRoute(), largestPrincipal(), input,
                new ObjectRef("attache", "t/q3Jm0V4x8bZQW1hKp2c7Yt9s", 3L << 20, "0".repeat(64)),
                "application/" + "x".repeat(243), null, LARGEST_IDEMPOTENCY, null,
                new Trace("r".repeat(128), "c".repeat(128)));

        assertFits(add);
    }

    @Test
    void theLargestEventFitsTheProducerAndTheTopic() throws Exception {
        DateTimeTimeZone time = new DateTimeTimeZone(longest(TextField.SHORT), longest(TextField.SHORT));
        // the event body is at most 64 KiB of JSON, which its content cannot outgrow once parsed
        EventInput event = new EventInput(longest(TextField.SHORT), new ItemBody("html", "\uD83D\uDE00".repeat(16 * 1024)),
                time, time, longest(TextField.LINE), new EmailAddress(longest(TextField.LINE), longest(TextField.LINE)));
        AttachmentCommand create = new AttachmentCommand(1, AttachmentCommand.TYPE_CREATE_EVENT, null,
                "a77ac4e0-7e4a-4a11-8000-000000000001", "E".repeat(512), largestRoute(), largestPrincipal(), null,
                null, null, event, LARGEST_IDEMPOTENCY, null, null);

        assertFits(create);
    }

    private static void assertFits(AttachmentCommand command) throws Exception {
        int size = JsonSerde.commands().serializer().serialize(Topics.ATTACHMENT_COMMANDS, command).length;

        assertThat(size).as("the command's bytes").isLessThan(maxRequestSize() - CommandGateway.RECORD_OVERHEAD_BYTES);
        assertThat(maxRequestSize()).isLessThan(TopicSpec.MAX_COMMAND_BATCH_BYTES);
        assertThat(TopicSpec.all(1).get(0).config()).containsEntry("max.message.bytes",
                Integer.toString(TopicSpec.MAX_COMMAND_BATCH_BYTES));
    }
}
