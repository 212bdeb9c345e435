package dev.attache.schemas.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.attache.schemas.ContractSchemas;
import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.schemas.attachment.AttachmentCommand.Origin;
import dev.attache.schemas.attachment.AttachmentInput;
import dev.attache.schemas.attachment.Idempotency;
import dev.attache.schemas.attachment.AttachmentRecord;
import dev.attache.schemas.attachment.AttachmentReply;
import dev.attache.schemas.attachment.ObjectDeletion;
import dev.attache.schemas.attachment.ObjectRef;
import dev.attache.schemas.attachment.Principal;
import dev.attache.schemas.attachment.ReferenceFields;
import dev.attache.schemas.attachment.ReplyError;
import dev.attache.schemas.attachment.Route;
import dev.attache.schemas.event.CalendarEvent;
import dev.attache.schemas.event.CalendarShare;
import dev.attache.schemas.event.DateTimeTimeZone;
import dev.attache.schemas.event.DirectoryEntry;
import dev.attache.schemas.event.EmailAddress;
import dev.attache.schemas.event.EventInput;
import dev.attache.schemas.event.EventOwner;
import dev.attache.schemas.event.GroupMembership;
import dev.attache.schemas.event.ItemBody;
import dev.attache.schemas.session.SessionPart;
import dev.attache.schemas.session.SessionRemainder;
import dev.attache.schemas.session.SessionStep;
import dev.attache.schemas.session.UploadSession;

class ContractSchemasTest {

    static final Route ROUTE = new Route("v1.0", "me", "5f1d0c5e-0000-4000-8000-000000000001", "events", null, null);
    static final ObjectRef OBJECT = new ObjectRef("attache", "t1/AbCdEfGhIjKlMnOpQrStUvWx", 20,
            "0d3b9d6c9a3f0f9c7a3c1d6a5e2b7f8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6");

    static AttachmentCommand command() {
        return new AttachmentCommand(1, "add", "AbCdEfGhIjKlMnOpQrStUvWx", "t1", "AAMkAGI1AAAt9AHjAAA=", ROUTE,
                new Principal("delegated", "5f1d0c5e-0000-4000-8000-000000000001", "dev@attache.local",
                        List.of("Calendars.ReadWrite"), List.of()),
                new AttachmentInput("#microsoft.graph.fileAttachment", "menu.txt", null, null, null, null, null,
                        AttachmentInput.PAYLOAD_CONTENT_BYTES),
                OBJECT, "bWFjIGFuZCBjaGVlc2UgdG9kYXk=", null, null, null, null);
    }

    static AttachmentRecord record() {
        return new AttachmentRecord(1, "t1", "AAMkAGI1AAAt9AHjAAA=", "AbCdEfGhIjKlMnOpQrStUvWx", ROUTE,
                "#microsoft.graph.referenceAttachment", "Personal pictures", null, 382, false, "2026-11-27T14:00:00Z",
                null, null, new ReferenceFields("https://contoso.com/x", "oneDriveConsumer", "edit", true, null, null),
                OBJECT);
    }

    static JsonNode json(Object value) {
        return ContractJson.MAPPER.valueToTree(value);
    }

    @Test
    void commandRoundTripsThroughTheSerdeAndConformsToItsSchema() {
        JsonSerde<AttachmentCommand> serde = JsonSerde.commands();
        AttachmentCommand command = command();

        AttachmentCommand back = serde.deserialize("t", serde.serialize("t", command));

        assertThat(back).isEqualTo(command);
        assertThat(ContractSchemas.violations(ContractSchemas.COMMAND_V1, json(command))).isEmpty();
    }

    @Test
    void aCommandThatCanBeRecognisedAgainRoundTripsAndConforms() {
        JsonSerde<AttachmentCommand> serde = JsonSerde.commands();
        AttachmentCommand command = command().withIdempotency(new Idempotency("order-42 \"quoted\"", "4ee45611-434c",
                1, "0".repeat(64), 1_765_000_000_000L, 12, 86_400_000L, 600_000L));
        ObjectNode badFingerprint = (ObjectNode) json(command);
        ((ObjectNode) badFingerprint.get("idempotency")).put("fingerprint", "ABC");
        ObjectNode greedy = (ObjectNode) json(command);
        ((ObjectNode) greedy.get("idempotency")).put("keyRetentionMillis", 604_800_001L);

        assertThat(serde.deserialize("t", serde.serialize("t", command))).isEqualTo(command);
        assertThat(ContractSchemas.violations(ContractSchemas.COMMAND_V1, json(command))).isEmpty();
        assertThat(ContractSchemas.violations(ContractSchemas.COMMAND_V1, badFingerprint)).isNotEmpty();
        assertThat(ContractSchemas.violations(ContractSchemas.COMMAND_V1, greedy)).isNotEmpty();
        assertThat(ContractSchemas.violations(ContractSchemas.REPLY_V1,
                json(AttachmentReply.created(record()).asReplay()))).isEmpty();
    }

    @Test
    void recordAndBothReplyOutcomesConformToTheirSchemas() {
        assertThat(ContractSchemas.violations(ContractSchemas.RECORD_V1, json(record()))).isEmpty();
        assertThat(ContractSchemas.violations(ContractSchemas.REPLY_V1, json(AttachmentReply.created(record()))))
                .isEmpty();
        assertThat(ContractSchemas.violations(ContractSchemas.REPLY_V1, json(AttachmentReply.rejected(
                "AbCdEfGhIjKlMnOpQrStUvWx", new ReplyError(400, "ErrorInvalidRequest", "name is required")))))
                .isEmpty();
    }

    static CalendarEvent event() {
        return new CalendarEvent(1, "t1", "AAMkAGI1AAAt9AHjAAA=", new EventOwner("user", "oid-1", "dev@attache.local"),
                null, null, "Discuss gifts", new ItemBody("html", "Let's look for funding!"),
                new DateTimeTimeZone("2016-12-02T18:00:00", "Pacific Standard Time"),
                new DateTimeTimeZone("2016-12-02T19:00:00", "Pacific Standard Time"), "Room 1",
                new EmailAddress("Dev", "dev@attache.local"), "2026-11-27T14:00:00Z", "2026-11-27T14:00:00Z");
    }

    @Test
    void eventCommandsRegistryRecordsAndTheirRepliesConformToTheirSchemas() {
        AttachmentCommand create = new AttachmentCommand(1, "create-event", null, "t1", "AAMkAGI1AAAt9AHjAAA=", ROUTE,
                command().principal(), null, null, null, new EventInput("Discuss gifts", null,
                        new DateTimeTimeZone("2016-12-02T18:00:00", "UTC"), null, null, null), null, null, null);
        AttachmentCommand delete = new AttachmentCommand(1, "delete-event", null, "t1", "AAMkAGI1AAAt9AHjAAA=", ROUTE,
                command().principal(), null, null, null, null, null, null, null);

        assertThat(ContractSchemas.violations(ContractSchemas.COMMAND_V1, json(create))).isEmpty();
        assertThat(ContractSchemas.violations(ContractSchemas.COMMAND_V1, json(delete))).isEmpty();
        assertThat(ContractSchemas.violations(ContractSchemas.EVENT_V1, json(event()))).isEmpty();
        assertThat(ContractSchemas.violations(ContractSchemas.REPLY_V1, json(AttachmentReply.eventCreated(event()))))
                .isEmpty();
        assertThat(ContractSchemas.violations(ContractSchemas.REPLY_V1, json(AttachmentReply.eventDeleted(event()))))
                .isEmpty();
        assertThat(ContractSchemas.violations(ContractSchemas.SHARE_V1,
                json(new CalendarShare(1, "t1", "oid-1", null, "oid-2", "write")))).isEmpty();
        assertThat(ContractSchemas.violations(ContractSchemas.MEMBERSHIP_V1,
                json(new GroupMembership(1, "t1", "g1", "oid-2")))).isEmpty();
        assertThat(ContractSchemas.violations(ContractSchemas.DIRECTORY_V1,
                json(new DirectoryEntry(1, "t1", "adele@contoso.com", "oid-2")))).isEmpty();
        assertThat(ContractSchemas.violations(ContractSchemas.DIRECTORY_V1,
                json(new DirectoryEntry(1, "t1", "not-a-upn", "oid-2")))).isNotEmpty();
        assertThat(ContractSchemas.violations(ContractSchemas.DELETION_V1, json(new ObjectDeletion(1, "t1",
                "AAMkAtt=", record().object(), ObjectDeletion.REJECTED, null)))).isEmpty();
        assertThat(ContractSchemas.violations(ContractSchemas.DELETION_V1, json(new ObjectDeletion(1, "t1",
                "AAMkAtt=", record().object(), "because", null)))).isNotEmpty();
        AttachmentCommand deleteAttachment = new AttachmentCommand(1, "delete-attachment", "AAMkAtt=", "t1",
                "AAMkAGI1AAAt9AHjAAA=", ROUTE, command().principal(), null, null, null, null, null, null, null);
        assertThat(ContractSchemas.violations(ContractSchemas.COMMAND_V1, json(deleteAttachment))).isEmpty();
        assertThat(ContractSchemas.violations(ContractSchemas.REPLY_V1, json(AttachmentReply.attachmentDeleted(record()))))
                .isEmpty();
        ObjectNode addWithoutObject = (ObjectNode) json(command());
        addWithoutObject.remove("object");
        assertThat(ContractSchemas.violations(ContractSchemas.COMMAND_V1, addWithoutObject)).isNotEmpty();
        assertThat(ContractSchemas.violations(ContractSchemas.COMMAND_V1, json(new AttachmentCommand(1, "create-event",
                null, "t1", "E", ROUTE, command().principal(), null, null, null, null, null, null, null)))).isNotEmpty();
    }

    @Test
    void registryKeysKeepTenantsApart() {
        assertThat(AttachmentKeys.shareKey("t1", "o", null, "g")).isEqualTo("t1/o/~default/g");
        assertThat(AttachmentKeys.shareKey("t1", "o", "~default", "g")).isNotEqualTo(AttachmentKeys.shareKey("t1", "o", null, "g"));
        assertThat(AttachmentKeys.membershipKey("t1", "g/1", "m")).isNotEqualTo(AttachmentKeys.membershipKey("t1/g", "1", "m"));
        // UPNs compare ignoring case: one key whatever the case it is written in
        assertThat(AttachmentKeys.directoryKey("t1", "Adele@Contoso.com"))
                .isEqualTo(AttachmentKeys.directoryKey("t1", "adele@contoso.com"))
                .isEqualTo("t1/adele%40contoso.com");
        assertThat(AttachmentKeys.directoryKey("t1", "a@b")).isNotEqualTo(AttachmentKeys.directoryKey("t2", "a@b"));
    }

    @Test
    void schemasRejectWhatTheContractForbids() {
        ObjectNode payloadInline = (ObjectNode) json(command());
        payloadInline.put("contentBytes", "AAAA");
        ObjectNode badHash = (ObjectNode) json(command());
        ((ObjectNode) badHash.get("object")).put("sha256", "xyz");
        ObjectNode createdWithoutRecord = (ObjectNode) json(AttachmentReply.created(record()));
        createdWithoutRecord.remove("attachment");

        assertThat(ContractSchemas.violations(ContractSchemas.COMMAND_V1, payloadInline)).isNotEmpty();
        assertThat(ContractSchemas.violations(ContractSchemas.COMMAND_V1, badHash)).isNotEmpty();
        assertThat(ContractSchemas.violations(ContractSchemas.REPLY_V1, createdWithoutRecord)).isNotEmpty();
    }

    @Test
    void recordBytesAreStableAcrossSerializations() {
        JsonSerde<AttachmentRecord> serde = JsonSerde.records();
        byte[] first = serde.serialize("t", record());
        byte[] second = serde.serialize("t", serde.deserialize("t", first));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void keysKeepAnEventsAttachmentsUnderOnePrefixAndApart() {
        String a = AttachmentKeys.attachmentKey("t1", "AAMk/x+y=", "att1");
        String otherEvent = AttachmentKeys.attachmentKey("t1", "AAMk/x+y=2", "att1");

        assertThat(a).startsWith(AttachmentKeys.eventPrefix("t1", "AAMk/x+y="));
        assertThat(otherEvent).doesNotStartWith(AttachmentKeys.eventPrefix("t1", "AAMk/x+y="));
        assertThat(AttachmentKeys.eventKeyOf(a)).isEqualTo(AttachmentKeys.eventKey("t1", "AAMk/x+y="));
        assertThat(AttachmentKeys.eventKey("t1", "a/b")).isNotEqualTo(AttachmentKeys.eventKey("t1/a", "b"));
    }

    static UploadSession session() {
        return new UploadSession(1, "SeSsIoNiDaBcDeFgHiJkLmNo", "t1", "AAMkAGI1AAAt9AHjAAA=",
                "AbCdEfGhIjKlMnOpQrStUvWx", ROUTE, command().principal(), new AttachmentInput("#microsoft.graph.fileAttachment", "big.bin", null,
                        null, null, null, null, AttachmentInput.PAYLOAD_CONTENT_BYTES), 9_437_307,
                "2026-12-07T18:00:00Z", "attache", "t1/AbCdEfGhIjKlMnOpQrStUvWx", "upload-1", 0, List.of(), null, null,
                null);
    }

    @Test
    void uploadSessionCommandsTheSessionAndItsRepliesConformToTheirSchemas() {
        UploadSession opened = session();
        UploadSession advanced = opened.advanced(8_388_608, List.of(new SessionPart(1, "9dda7186", 8_388_608)),
                null, "AAAA", "AQID");
        UploadSession withRemainder = opened.advanced(4_194_304, List.of(),
                new SessionRemainder("t1/sessions/SeSsIoNiDaBcDeFgHiJkLmNo/0-x1", 4_194_304), "AAAA", "AQID");
        Origin origin = new Origin("t1", "AAMkAGI1AAAt9AHjAAA=", ROUTE, command().principal());
        String attachment = opened.attachmentId();

        assertThat(ContractSchemas.violations(ContractSchemas.SESSION_V1, json(opened))).isEmpty();
        assertThat(ContractSchemas.violations(ContractSchemas.SESSION_V1, json(advanced))).isEmpty();
        assertThat(ContractSchemas.violations(ContractSchemas.SESSION_V1, json(withRemainder))).isEmpty();
        assertThat(ContractSchemas.violations(ContractSchemas.COMMAND_V1, json(AttachmentCommand.openUploadSession(
                origin, attachment, opened.attachment(), SessionStep.open(opened, 1L))))).isEmpty();
        assertThat(ContractSchemas.violations(ContractSchemas.COMMAND_V1, json(AttachmentCommand.appendSlice(origin,
                attachment, SessionStep.slice(opened.sessionId(), 2L, 0, 4_194_304, null,
                        withRemainder.remainder(), "AAAA", "AQID"))))).isEmpty();
        assertThat(ContractSchemas.violations(ContractSchemas.COMMAND_V1, json(AttachmentCommand.completeUploadSession(
                origin, attachment, opened.attachment(), OBJECT, "AQID", SessionStep.slice(opened.sessionId(), 3L,
                        8_388_608, 9_437_307, new SessionPart(2, "6adc8805", 1_048_699), null, "AAAA", null)))))
                .isEmpty();
        assertThat(ContractSchemas.violations(ContractSchemas.COMMAND_V1, json(AttachmentCommand.cancelUploadSession(
                origin, attachment, SessionStep.cancel(opened.sessionId(), 4L, SessionStep.CANCELLED))))).isEmpty();
        assertThat(ContractSchemas.violations(ContractSchemas.REPLY_V1, json(AttachmentReply.sessionOpened(opened))))
                .isEmpty();
        assertThat(ContractSchemas.violations(ContractSchemas.REPLY_V1, json(AttachmentReply.sessionAdvanced(
                advanced)))).isEmpty();
        assertThat(ContractSchemas.violations(ContractSchemas.REPLY_V1, json(AttachmentReply.sliceRefused(advanced,
                new ReplyError(416, "invalidRange", "expected 8388608"))))).isEmpty();
        assertThat(ContractSchemas.violations(ContractSchemas.DELETION_V1, json(new ObjectDeletion(1, "t1",
                attachment, new ObjectRef("attache", opened.objectKey(), 0, null), ObjectDeletion.SESSION_ENDED,
                "upload-1")))).isEmpty();
        ObjectNode sliceWithContent = (ObjectNode) json(AttachmentCommand.appendSlice(origin, attachment,
                SessionStep.slice(opened.sessionId(), 2L, 0, 1, null, null, "AAAA", null)));
        ((ObjectNode) sliceWithContent.get("upload")).put("contentBytes", "AAAA");
        assertThat(ContractSchemas.violations(ContractSchemas.COMMAND_V1, sliceWithContent)).isNotEmpty();
    }
}
