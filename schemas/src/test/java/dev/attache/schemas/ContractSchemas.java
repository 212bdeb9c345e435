package dev.attache.schemas;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Validates JSON documents against the versioned contract schemas shipped in the schemas jar. Shared with the other
 * modules' tests through the test-jar, so what they see produced on a topic is checked against the same files.
 */
public final class ContractSchemas {

    public static final String COMMAND_V1 = "attachment-command.v1.json";
    public static final String RECORD_V1 = "attachment-record.v1.json";
    public static final String REPLY_V1 = "attachment-reply.v1.json";
    public static final String EVENT_V1 = "calendar-event.v1.json";
    public static final String SHARE_V1 = "calendar-share.v1.json";
    public static final String MEMBERSHIP_V1 = "group-membership.v1.json";
    public static final String DIRECTORY_V1 = "directory-entry.v1.json";
    public static final String DELETION_V1 = "object-deletion.v1.json";
    public static final String SESSION_V1 = "upload-session.v1.json";
    public static final String AUDIT_ENTRY_V1 = "audit-entry.v1.json";
    public static final String CHECKPOINT_V1 = "audit-checkpoint.v1.json";

    private static final String ID_PREFIX = "https://attache.dev/schemas/";

    // Cross-file $refs resolve from the classpath, never from the network.
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(ID_PREFIX, "classpath:dev/attache/schemas/")));

    private ContractSchemas() {
    }

    /** The violations of {@code document} against schema file {@code schemaFile}; empty when it conforms. */
    public static List<String> violations(String schemaFile, JsonNode document) {
        JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(ID_PREFIX + schemaFile));
        Set<ValidationMessage> messages = schema.validate(document);
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
