package dev.attache.processor.rules;

import static dev.attache.processor.Commands.JPEG;
import static dev.attache.processor.Commands.MENU;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.attache.processor.Commands;
import dev.attache.schemas.ContractSchemas;
import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.schemas.attachment.AttachmentRecord;
import dev.attache.schemas.attachment.Principal;
import dev.attache.schemas.attachment.ReferenceFields;
import dev.attache.schemas.attachment.ReplyError;
import dev.attache.schemas.kafka.ContractJson;

class AttachmentRulesTest {

    static final Instant APPENDED = Instant.parse("2026-11-27T14:00:00.789Z");

    static AttachmentRecord accepted(Commands command) {
        Decision decision = AttachmentRules.decide(command.build(), APPENDED);
        assertThat(decision).isInstanceOf(Decision.Accepted.class);
        AttachmentRecord record = ((Decision.Accepted) decision).record();
        assertThat(ContractSchemas.violations(ContractSchemas.RECORD_V1, ContractJson.MAPPER.valueToTree(record)))
                .isEmpty();
        return record;
    }

    static ReplyError rejected(Commands command) {
        Decision decision = AttachmentRules.decide(command.build(), APPENDED);
        assertThat(decision).isInstanceOf(Decision.Rejected.class);
        return ((Decision.Rejected) decision).error();
    }

    static String invalidRequest(Commands command) {
        ReplyError error = rejected(command);
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.code()).isEqualTo("ErrorInvalidRequest");
        return error.message();
    }

    @Nested
    class Common {

        @Test
        void theDocsMenuTxtBecomesARecordOfCommandFactsAndComputedFields() {
            AttachmentCommand command = Commands.file("menu.txt", MENU).build();

            AttachmentRecord record = accepted(Commands.file("menu.txt", MENU));

            assertThat(record.schemaVersion()).isEqualTo(1);
            assertThat(record.odataType()).isEqualTo("#microsoft.graph.fileAttachment");
            assertThat(record.name()).isEqualTo("menu.txt");
            assertThat(record.contentType()).isEqualTo("text/plain");
            assertThat(record.size()).isEqualTo(20);
            assertThat(record.isInline()).isFalse();
            assertThat(record.lastModifiedDateTime()).isEqualTo("2026-11-27T14:00:00Z");
            assertThat(record.contentId()).isNull();
            assertThat(record.itemType()).isNull();
            assertThat(record.reference()).isNull();
            assertThat(record.tenantId()).isEqualTo(command.tenantId());
            assertThat(record.eventId()).isEqualTo(command.eventId());
            assertThat(record.attachmentId()).isEqualTo(command.attachmentId());
            assertThat(record.route()).isEqualTo(command.route());
            assertThat(record.object()).isEqualTo(command.object());
        }

        @Test
        void sameCommandAndAppendTimeGiveEqualRecords() {
            AttachmentCommand command = Commands.file("flower", JPEG).build();

            assertThat(AttachmentRules.decide(command, APPENDED)).isEqualTo(AttachmentRules.decide(command, APPENDED));
        }

        @Test
        void lastModifiedIsTheAppendTimeInWholeUtcSeconds() {
            assertThat(AttachmentRules.lastModified(Instant.parse("2026-11-27T14:00:00Z")))
                    .isEqualTo("2026-11-27T14:00:00Z");
            assertThat(AttachmentRules.lastModified(Instant.parse("2026-11-27T23:59:59.999999999Z")))
                    .isEqualTo("2026-11-27T23:59:59Z");
            assertThat(AttachmentRules.lastModified(Instant.ofEpochMilli(0))).isEqualTo("1970-01-01T00:00:00Z");
        }

        @Test
        void sizeIsTheStoredObjectsLength() {
            assertThat(accepted(Commands.file("big.bin", JPEG).length(3_483_322)).size()).isEqualTo(3_483_322);
            assertThat(accepted(Commands.file("empty.txt", new byte[0])).size()).isZero();
        }

        @Test
        void anObjectBeyondInt32IsTooLarge() {
            ReplyError error = rejected(Commands.file("huge.bin", JPEG).length(Integer.MAX_VALUE + 1L));

            assertThat(error.status()).isEqualTo(413);
            assertThat(error.code()).isEqualTo("RequestEntityTooLarge");
        }

        @Test
        void isInlineIsKeptWhenSentAndFalseOtherwise() {
            assertThat(accepted(Commands.file("a.txt", MENU).inline(true)).isInline()).isTrue();
            assertThat(accepted(Commands.file("a.txt", MENU).inline(false)).isInline()).isFalse();
            assertThat(accepted(Commands.file("a.txt", MENU).inline(null)).isInline()).isFalse();
        }
    }

    @Nested
    class ODataType {

        @ParameterizedTest
        @ValueSource(strings = {"#microsoft.graph.fileAttachment", "microsoft.graph.fileAttachment",
            "#Microsoft.Graph.FileAttachment", "MICROSOFT.GRAPH.FILEATTACHMENT"})
        void fileIsMatchedInAnyCaseWithOrWithoutHash(String odataType) {
            assertThat(accepted(Commands.file("menu.txt", MENU).odataType(odataType)).odataType())
                    .isEqualTo("#microsoft.graph.fileAttachment");
        }

        @Test
        void itemAndReferenceAreCanonicalToo() {
            assertThat(accepted(Commands.item("Holiday event", "microsoft.graph.event")
                    .odataType("microsoft.graph.ITEMATTACHMENT")).odataType())
                    .isEqualTo("#microsoft.graph.itemAttachment");
            assertThat(accepted(Commands.reference("Pics", new ReferenceFields("https://contoso.com/p", null, null,
                    null, null, null)).odataType("#microsoft.graph.referenceattachment")).odataType())
                    .isEqualTo("#microsoft.graph.referenceAttachment");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "  ", "#microsoft.graph.attachment", "Microsoft.Graph.Attachment"})
        void missingOrAbstractTypeAsksForAConcreteOne(String odataType) {
            String message = invalidRequest(Commands.file("menu.txt", MENU).odataType(odataType));

            assertThat(message).startsWith("Cannot process input of abstract type 'microsoft.graph.attachment'")
                    .contains("\"@odata.type\"", "#microsoft.graph.fileAttachment", "#microsoft.graph.itemAttachment",
                            "#microsoft.graph.referenceAttachment");
        }

        @Test
        void absentTypeIsTheAbstractCaseToo() {
            assertThat(invalidRequest(Commands.file("menu.txt", MENU).odataType(null)))
                    .startsWith("Cannot process input of abstract type 'microsoft.graph.attachment'");
        }

        @ParameterizedTest
        @ValueSource(strings = {"#microsoft.graph.pictureAttachment", "fileAttachment", "#fileAttachment",
            "#graph.fileAttachment", "#microsoft.graph.event"})
        void unknownOrUnqualifiedTypeIsNamed(String odataType) {
            assertThat(invalidRequest(Commands.file("menu.txt", MENU).odataType(odataType)))
                    .contains("'" + odataType + "'");
        }
    }

    @Nested
    class Name {

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "\t\n"})
        void blankNameIsRequired(String name) {
            assertThat(invalidRequest(Commands.file(name, MENU))).isEqualTo("The name of the attachment is required.");
        }

        @Test
        void missingNameIsRequired() {
            assertThat(invalidRequest(Commands.file("menu.txt", MENU).name(null)))
                    .isEqualTo("The name of the attachment is required.");
        }

        @Test
        void upTo255CharactersAreAllowedCountingCodePoints() {
            assertThat(accepted(Commands.file("a".repeat(255), MENU)).name()).hasSize(255);
            // 255 emoji are 510 UTF-16 units but 255 characters
            assertThat(accepted(Commands.file("\uD83D\uDCCE".repeat(255), MENU)).name()).hasSize(510);
        }

        @Test
        void longerNamesAreRefusedWithTheirLength() {
            assertThat(invalidRequest(Commands.file("a".repeat(256), MENU)))
                    .isEqualTo("The name of the attachment must be at most 255 characters; it has 256.");
        }

        @Test
        void controlCharactersAndUnpairedSurrogatesAreRefusedInEveryString() {
            assertThat(invalidRequest(Commands.file("a\u0000b", MENU)))
                    .isEqualTo("The property 'name' contains the control character U+0000.");
            assertThat(invalidRequest(Commands.file("evil\u202Efdp.exe", MENU))).contains("U+202E");
            assertThat(invalidRequest(Commands.file("menu.txt", MENU).contentId("cid\r\nX-Injected: 1")))
                    .isEqualTo("The property 'contentId' contains the control character U+000D.");
            assertThat(invalidRequest(Commands.file("menu.txt", MENU).contentType("text/plain\uD800")))
                    .contains("unpaired surrogate");
            assertThat(invalidRequest(Commands.file("menu.txt", MENU).contentId("c".repeat(256))))
                    .isEqualTo("The property 'contentId' must be at most 255 characters; it has 256.");
        }

        @Test
        void nameIsKeptAsSent() {
            assertThat(accepted(Commands.file("  Menü (final).txt ", MENU)).name()).isEqualTo("  Menü (final).txt ");
        }
    }

    @Nested
    class File {

        @Test
        void contentBytesAreRequired() {
            assertThat(invalidRequest(Commands.file("menu.txt", MENU).payload("none")))
                    .isEqualTo("contentBytes is required for a fileAttachment.");
        }

        @Test
        void anItemDoesNotExistOnAFile() {
            assertThat(invalidRequest(Commands.file("menu.txt", MENU).itemType("#microsoft.graph.event")))
                    .isEqualTo("The property 'item' does not exist on type 'microsoft.graph.fileAttachment'.");
            assertThat(invalidRequest(Commands.file("menu.txt", MENU).payload("item")))
                    .isEqualTo("The property 'item' does not exist on type 'microsoft.graph.fileAttachment'.");
        }

        @Test
        void referencePropertiesDoNotExistOnAFile() {
            assertThat(invalidRequest(Commands.file("menu.txt", MENU)
                    .reference(new ReferenceFields(null, "dropbox", null, null, null, null))))
                    .isEqualTo("The property 'providerType' does not exist on type 'microsoft.graph.fileAttachment'.");
            assertThat(invalidRequest(Commands.file("menu.txt", MENU)
                    .reference(new ReferenceFields(null, null, null, true, null, null))))
                    .isEqualTo("The property 'isFolder' does not exist on type 'microsoft.graph.fileAttachment'.");
        }

        @Test
        void contentIdIsKept() {
            assertThat(accepted(Commands.file("logo.png", Commands.PNG).contentId("my_inline_picture").inline(true))
                    .contentId()).isEqualTo("my_inline_picture");
        }

        @Test
        void absentContentTypeIsInferredFromContentAndName() {
            assertThat(accepted(Commands.file("menu.txt", MENU)).contentType()).isEqualTo("text/plain");
            assertThat(accepted(Commands.file("flower", JPEG)).contentType()).isEqualTo("image/jpeg");
        }

        @Test
        void declaredContentTypeIsKeptAsSentWhenItFits() {
            assertThat(accepted(Commands.file("flower", JPEG).contentType("image/jpeg")).contentType())
                    .isEqualTo("image/jpeg");
            assertThat(accepted(Commands.file("menu.txt", MENU).contentType("text/plain; charset=utf-8"))
                    .contentType()).isEqualTo("text/plain; charset=utf-8");
        }

        @Test
        void declaredContentTypeContradictingTheContentIsRefused() {
            assertThat(invalidRequest(Commands.file("flower.png", JPEG).contentType("image/png")))
                    .isEqualTo("The contentType 'image/png' does not match the content, which was detected as "
                            + "'image/jpeg'.");
        }

        @Test
        void declaredContentTypeThatIsNoMediaTypeIsRefused() {
            assertThat(invalidRequest(Commands.file("menu.txt", MENU).contentType("plain text")))
                    .isEqualTo("The contentType 'plain text' is not a valid media type.");
        }
    }

    @Nested
    class Item {

        @ParameterizedTest
        @ValueSource(strings = {"microsoft.graph.event", "#microsoft.graph.event", "#Microsoft.Graph.Event"})
        void eventItemIsCanonical(String itemType) {
            AttachmentRecord record = accepted(Commands.item("Holiday event", itemType));

            assertThat(record.itemType()).isEqualTo("#microsoft.graph.event");
            assertThat(record.contentType()).isNull();
        }

        @Test
        void messageAndContactAreItemsToo() {
            assertThat(accepted(Commands.item("Mail", "microsoft.graph.message")).itemType())
                    .isEqualTo("#microsoft.graph.message");
            assertThat(accepted(Commands.item("Card", "#microsoft.graph.CONTACT")).itemType())
                    .isEqualTo("#microsoft.graph.contact");
        }

        @Test
        void sizeIsTheItemsJson() {
            Commands item = Commands.item("Holiday event", "microsoft.graph.event");

            assertThat(accepted(item).size()).isEqualTo((int) item.build().object().length()).isPositive();
        }

        @Test
        void declaredContentTypeIsKept() {
            assertThat(accepted(Commands.item("Holiday event", "microsoft.graph.event").contentType("text/calendar"))
                    .contentType()).isEqualTo("text/calendar");
        }

        @Test
        void itemIsRequired() {
            assertThat(invalidRequest(Commands.item("Holiday event", null).payload("none")))
                    .isEqualTo("item is required for an itemAttachment.");
        }

        @Test
        void itemWithoutTypeIsRefused() {
            assertThat(invalidRequest(Commands.item("Holiday event", null)))
                    .startsWith("The item of an itemAttachment needs an \"@odata.type\"");
        }

        @ParameterizedTest
        @ValueSource(strings = {"microsoft.graph.task", "event", "#microsoft.graph.fileAttachment"})
        void otherItemTypesAreRefusedByName(String itemType) {
            assertThat(invalidRequest(Commands.item("x", itemType)))
                    .startsWith("The item type '" + itemType + "' is not supported for an itemAttachment.");
        }

        @Test
        void fileAndReferencePropertiesDoNotExistOnAnItem() {
            assertThat(invalidRequest(Commands.item("x", "microsoft.graph.event").contentId("cid")))
                    .isEqualTo("The property 'contentId' does not exist on type 'microsoft.graph.itemAttachment'.");
            assertThat(invalidRequest(Commands.item("x", null).payload("contentBytes")))
                    .isEqualTo("The property 'contentBytes' does not exist on type 'microsoft.graph.itemAttachment'.");
            assertThat(invalidRequest(Commands.item("x", "microsoft.graph.event")
                    .reference(new ReferenceFields("https://contoso.com", null, null, null, null, null))))
                    .isEqualTo("The property 'sourceUrl' does not exist on type 'microsoft.graph.itemAttachment'.");
        }
    }

    @Nested
    class Reference {

        static final String PICS = "https://contoso.com/personal/mario_contoso_net/Documents/Pics";

        static Commands reference(ReferenceFields fields) {
            return Commands.reference("Personal pictures", fields);
        }

        @Test
        void theBetaDocsExampleIsCanonicalized() {
            AttachmentRecord record = accepted(reference(new ReferenceFields(PICS, "oneDriveConsumer", "Edit", true,
                    null, null)));

            assertThat(record.reference()).isEqualTo(new ReferenceFields(PICS, "oneDriveConsumer", "edit", true,
                    null, null));
            assertThat(record.contentType()).isNull();
            assertThat(record.route().apiVersion()).isEqualTo("beta");
        }

        @ParameterizedTest
        @ValueSource(strings = {"other", "view", "edit", "anonymousView", "anonymousEdit", "organizationView",
            "organizationEdit"})
        void everyPermissionIsMatchedIgnoringCase(String permission) {
            assertThat(accepted(reference(new ReferenceFields(PICS, null, permission.toUpperCase(java.util.Locale.ROOT),
                    null, null, null))).reference().permission()).isEqualTo(permission);
        }

        @ParameterizedTest
        @ValueSource(strings = {"other", "oneDriveBusiness", "oneDriveConsumer", "dropbox"})
        void everyProviderTypeIsMatchedIgnoringCase(String providerType) {
            assertThat(accepted(reference(new ReferenceFields(PICS, providerType.toLowerCase(java.util.Locale.ROOT),
                    null, null, null, null))).reference().providerType()).isEqualTo(providerType);
        }

        @Test
        void unknownLiteralsAreRefusedWithTheChoices() {
            assertThat(invalidRequest(reference(new ReferenceFields(PICS, "googleDrive", null, null, null, null))))
                    .isEqualTo("The providerType 'googleDrive' is not valid. Use one of: other, oneDriveBusiness, "
                            + "oneDriveConsumer, dropbox.");
            assertThat(invalidRequest(reference(new ReferenceFields(PICS, null, "owner", null, null, null))))
                    .startsWith("The permission 'owner' is not valid. Use one of: other, view, edit,");
        }

        @Test
        void sourceUrlIsRequiredOnBeta() {
            assertThat(invalidRequest(reference(new ReferenceFields(null, "dropbox", null, null, null, null))))
                    .isEqualTo("sourceUrl is required for a referenceAttachment.");
            assertThat(invalidRequest(reference(null))).isEqualTo("sourceUrl is required for a referenceAttachment.");
        }

        @ParameterizedTest
        @ValueSource(strings = {"contoso.com/pics", "/personal/pics", "ftp://contoso.com/pics", "https://", "http:pics",
            "https://contoso .com/x", "javascript:alert(1)"})
        void sourceUrlMustBeAnAbsoluteWebUrl(String url) {
            assertThat(invalidRequest(reference(new ReferenceFields(url, null, null, null, null, null))))
                    .isEqualTo("sourceUrl must be an absolute http or https URL, not '" + url + "'.");
        }

        @Test
        void thumbnailAndPreviewUrlsAreCheckedWhenPresent() {
            ReferenceFields image = new ReferenceFields("HTTP://contoso.com/a.png", null, null, false,
                    "https://contoso.com/t.png", "http://contoso.com/p.png");
            assertThat(accepted(reference(image)).reference()).isEqualTo(image);
            assertThat(invalidRequest(reference(new ReferenceFields(PICS, null, null, null, "t.png", null))))
                    .startsWith("thumbnailUrl must be an absolute http or https URL");
            assertThat(invalidRequest(reference(new ReferenceFields(PICS, null, null, null, null, "file:///p.png"))))
                    .startsWith("previewUrl must be an absolute http or https URL");
        }

        @Test
        void onV10TheReferenceHasOnlyBaseProperties() {
            AttachmentRecord record = accepted(reference(new ReferenceFields(PICS, "dropbox", "view", true, null,
                    null)).apiVersion("v1.0"));

            assertThat(record.reference()).isNull();
            assertThat(record.odataType()).isEqualTo("#microsoft.graph.referenceAttachment");
            assertThat(accepted(reference(null).apiVersion("v1.0")).reference()).isNull();
        }

        @Test
        void fileAndItemPropertiesDoNotExistOnAReference() {
            assertThat(invalidRequest(reference(new ReferenceFields(PICS, null, null, null, null, null))
                    .payload("contentBytes")))
                    .isEqualTo("The property 'contentBytes' does not exist on type "
                            + "'microsoft.graph.referenceAttachment'.");
            assertThat(invalidRequest(reference(new ReferenceFields(PICS, null, null, null, null, null))
                    .itemType("microsoft.graph.event")))
                    .isEqualTo("The property 'item' does not exist on type 'microsoft.graph.referenceAttachment'.");
            assertThat(invalidRequest(reference(new ReferenceFields(PICS, null, null, null, null, null))
                    .contentId("cid")))
                    .isEqualTo("The property 'contentId' does not exist on type "
                            + "'microsoft.graph.referenceAttachment'.");
        }
    }

    @Nested
    class UnreadableCommands {

        static Decision.Unprocessable unprocessable(Commands command) {
            Decision decision = AttachmentRules.decide(command.build(), APPENDED);
            assertThat(decision).isInstanceOf(Decision.Unprocessable.class);
            return (Decision.Unprocessable) decision;
        }

        @Test
        void anotherSchemaVersionOrCommandTypeIsNotJudged() {
            assertThat(unprocessable(Commands.file("a.txt", MENU).schemaVersion(2)).reason())
                    .isEqualTo("schemaVersion 2 is not supported");
            assertThat(unprocessable(Commands.file("a.txt", MENU).type("delete")).reason())
                    .isEqualTo("command type 'delete' is not supported");
        }

        @Test
        void missingIdsRouteOrBadHeadAreNotJudged() {
            assertThat(unprocessable(Commands.file("a.txt", MENU).tenant(null)).reason()).contains("tenantId");
            assertThat(unprocessable(Commands.file("a.txt", MENU).apiVersion("v2.0")).reason()).contains("apiVersion");
            assertThat(unprocessable(Commands.file("a.txt", MENU).payload("contentUrl")).reason()).contains("payload");
            assertThat(unprocessable(Commands.file("a.txt", MENU).detectedType("not a type")).reason())
                    .isEqualTo("detectedType is not a media type");
        }

        @Test
        void missingPrincipalOrRouteOwnerOrCalendarIdsAreNotJudged() {
            assertThat(unprocessable(Commands.file("a.txt", MENU).principal(null)).reason()).contains("principal");
            assertThat(unprocessable(Commands.file("a.txt", MENU).route("team", "x", "events", null, null))
                    .reason()).contains("ownerKind");
            assertThat(unprocessable(Commands.file("a.txt", MENU).route("me", Commands.USER, "calendars", null,
                    null)).reason()).isEqualTo("route container 'calendars' needs its calendar (group) ids");
            assertThat(unprocessable(Commands.file("a.txt", MENU).route("me", Commands.USER, "tasks", null, null))
                    .reason()).isEqualTo("route container 'tasks' is not supported");
        }

        @Test
        void missingKindsAreNotJudgedRatherThanFailing() {
            // the known values are immutable sets, whose contains(null) throws: a null must be a defect, not an NPE
            assertThat(unprocessable(Commands.file("a.txt", MENU).type(null)).reason())
                    .isEqualTo("command type 'null' is not supported");
            assertThat(unprocessable(Commands.file("a.txt", MENU).apiVersion(null)).reason()).contains("apiVersion");
            assertThat(unprocessable(Commands.file("a.txt", MENU).route(null, Commands.USER, "events", null, null))
                    .reason()).contains("ownerKind");
            assertThat(unprocessable(Commands.file("a.txt", MENU).route("me", Commands.USER, null, null, null))
                    .reason()).isEqualTo("route container 'null' is not supported");
            assertThat(unprocessable(Commands.file("a.txt", MENU).principal(new Principal(null, Commands.USER,
                    null, List.of(), List.of()))).reason()).contains("principal");
            assertThat(unprocessable(Commands.file("a.txt", MENU).payload(null)).reason()).contains("payload");
        }

        @Test
        void aDeleteAttachmentNamesTheAttachmentAndNothingElse() {
            assertThat(AttachmentRules.defect(Commands.deleteAttachment(Commands.attachmentId(1)).build())).isEmpty();
            assertThat(AttachmentRules.defect(Commands.deleteAttachment(" ").build()))
                    .contains("attachmentId is required");
            assertThat(AttachmentRules.defect(Commands.deleteAttachment(null).build()))
                    .contains("attachmentId is required");
            AttachmentCommand add = Commands.file("a.txt", MENU).build();
            AttachmentCommand withObject = new AttachmentCommand(1, AttachmentCommand.TYPE_DELETE_ATTACHMENT,
                    add.attachmentId(), add.tenantId(), add.eventId(), add.route(), add.principal(), null,
                    add.object(), null, null, null, null, null);
            assertThat(AttachmentRules.defect(withObject))
                    .contains("delete-attachment carries no attachment, object or event");
            assertThat(unprocessable(Commands.deleteAttachment(Commands.attachmentId(1))).reason())
                    .isEqualTo("command type 'delete-attachment' does not make an attachment");
        }

        @Test
        void eventCommandsAreReadableButMakeNoAttachment() {
            assertThat(AttachmentRules.defect(Commands.deleteEvent().build())).isEmpty();
            assertThat(AttachmentRules.defect(Commands.createEvent().build())).isEmpty();
            assertThat(AttachmentRules.defect(Commands.createEvent().eventInput(null).build()))
                    .contains("event is required");
            assertThat(unprocessable(Commands.createEvent()).reason())
                    .isEqualTo("command type 'create-event' does not make an attachment");
        }

        @Test
        void aClientErrorInAnUnreadableCommandIsNotReported() {
            // the command is judged only once it can be read: a missing name is not the first problem here
            assertThat(AttachmentRules.decide(Commands.file("a.txt", MENU).schemaVersion(2).name(null).build(),
                    APPENDED)).isInstanceOf(Decision.Unprocessable.class);
        }
    }
}
