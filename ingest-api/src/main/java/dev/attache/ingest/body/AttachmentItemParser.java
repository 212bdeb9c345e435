package dev.attache.ingest.body;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.attache.ingest.error.GraphException;
import dev.attache.schemas.attachment.AttachmentInput;
import dev.attache.schemas.attachment.TextField;
import dev.attache.schemas.graph.GraphErrorCodes;
import dev.attache.schemas.graph.ODataTypes;
import dev.attache.schemas.kafka.ContractJson;

/**
 * Reads the body of {@code createUploadSession}: {@code {"AttachmentItem": {attachmentType, name, size, contentType,
 * isInline, contentId}}} (graph-compatibility.md §1.5). Property names are matched ignoring case and instance
 * annotations ({@code @odata.type}, as some SDK users send) are ignored, as for a POST; anything else unknown is
 * refused. The body is small, so it is read whole, within the request limit.
 */
@ApplicationScoped
public class AttachmentItemParser {

    /** What the client asked to upload. */
    public record AttachmentItem(AttachmentInput input, long size) {
    }

    private final RequestLimits limits;

    AttachmentItemParser(RequestLimits limits) {
        this.limits = limits;
    }

    /** @throws GraphException 400 for a malformed or incomplete item, 413 past the request limit */
    public AttachmentItem parse(InputStream body) {
        JsonNode root;
        try {
            root = ContractJson.MAPPER.readTree(new BoundedInputStream(body, limits.maxRequestBytes()));
        } catch (RequestTooLargeException e) {
            throw new GraphException(413, GraphErrorCodes.REQUEST_TOO_LARGE, limits.tooLargeMessage());
        } catch (IOException e) {
            throw GraphException.badRequest("Unable to read JSON request payload. Please ensure Content-Type header "
                    + "is set and payload is of valid JSON format.");
        }
        JsonNode item = root == null || !root.isObject() ? null : property(root, "attachmentItem");
        if (item == null || !item.isObject()) {
            throw GraphException.badRequest("The parameter 'AttachmentItem' is required and must be an object.");
        }
        String type = null;
        String name = null;
        Long size = null;
        String contentType = null;
        Boolean isInline = null;
        String contentId = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String property = field.getKey();
            JsonNode value = field.getValue();
            switch (property.toLowerCase(Locale.ROOT)) {
                case "attachmenttype" -> type = text(property, value, TextField.SHORT);
                case "name" -> name = text(property, value, TextField.NAME);
                case "size" -> size = size(value);
                case "contenttype" -> contentType = text(property, value, TextField.SHORT);
                case "isinline" -> isInline = bool(property, value);
                case "contentid" -> contentId = text(property, value, TextField.SHORT);
                default -> {
                    if (!property.contains("@")) {
                        throw GraphException.badRequest("The property '" + property
                                + "' does not exist on type 'microsoft.graph.attachmentItem'.");
                    }
                }
            }
        }
        if (type == null || !type.equalsIgnoreCase("file")) {
            throw GraphException.invalidRequest("Only file attachments can be uploaded in an upload session "
                    + "(attachmentType file).");
        }
        if (name == null || name.isBlank()) {
            throw GraphException.invalidRequest("The attachment's name is required.");
        }
        if (size == null) {
            throw GraphException.invalidRequest("The attachment's size is required.");
        }
        return new AttachmentItem(new AttachmentInput(ODataTypes.FILE_ATTACHMENT, name, contentType, isInline,
                contentId, null, null, AttachmentInput.PAYLOAD_CONTENT_BYTES), size);
    }

    private static JsonNode property(JsonNode object, String name) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue();
            }
        }
        return null;
    }

    private static String text(String property, JsonNode value, TextField field) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw GraphException.badRequest("The property '" + property + "' must be a string.");
        }
        Optional<String> defect = field.defect(property, value.asText());
        if (defect.isPresent()) {
            throw GraphException.invalidRequest(defect.get());
        }
        return value.asText();
    }

    /** An Edm.Int64: a JSON integer, or a string of digits (IEEE754Compatible clients send those). */
    private static Long size(JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.asLong();
        }
        if (value.isTextual() && value.asText().matches("\\d{1,18}")) {
            return Long.parseLong(value.asText());
        }
        throw GraphException.badRequest("The property 'size' must be a whole number of bytes.");
    }

    private static Boolean bool(String property, JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isTextual() && (value.asText().equalsIgnoreCase("true") || value.asText().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(value.asText());
        }
        throw GraphException.badRequest("The property '" + property + "' must be a boolean.");
    }
}
