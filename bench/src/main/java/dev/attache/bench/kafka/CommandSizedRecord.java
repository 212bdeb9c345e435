package dev.attache.bench.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.schemas.attachment.AttachmentInput;
import dev.attache.schemas.attachment.ObjectRef;
import dev.attache.schemas.attachment.Principal;
import dev.attache.schemas.attachment.Route;
import dev.attache.schemas.graph.ODataTypes;
import dev.attache.schemas.kafka.ContractJson;
import java.util.List;
import java.util.UUID;

/**
 * A real {@code add} command as ingest-api writes it for a file (metadata, the object reference and the detected
 * type; no content), so the Kafka baseline moves as many bytes per record as the pipeline does.
 */
public final class CommandSizedRecord {

    private CommandSizedRecord() {
    }

    public static byte[] value() {
        String tenant = UUID.randomUUID().toString();
        String user = UUID.randomUUID().toString();
        String attachmentId = "AAMk" + UUID.randomUUID().toString().replace("-", "");
        String eventId = "AAMk" + UUID.randomUUID().toString().replace("-", "");
        AttachmentCommand.Origin origin = new AttachmentCommand.Origin(tenant, eventId,
                new Route("v1.0", "me", user, "events", null, null),
                new Principal("user", user, "adele@contoso.example", List.of("Calendars.ReadWrite"), List.of()));
        AttachmentCommand command = AttachmentCommand.add(origin, attachmentId,
                new AttachmentInput(ODataTypes.FILE_ATTACHMENT, "quarterly-report.pdf",
                        "application/pdf", false, null, null, null, AttachmentInput.PAYLOAD_CONTENT_BYTES),
                new ObjectRef("attache", tenant + "/" + attachmentId, 1_048_576,
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
                "application/pdf");
        try {
            return ContractJson.MAPPER.writeValueAsBytes(command);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
