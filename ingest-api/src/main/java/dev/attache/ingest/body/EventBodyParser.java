package dev.attache.ingest.body;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.attache.schemas.graph.GraphErrorCodes;
import dev.attache.ingest.error.GraphException;
import dev.attache.schemas.attachment.TextField;
import dev.attache.schemas.event.DateTimeTimeZone;
import dev.attache.schemas.event.EmailAddress;
import dev.attache.schemas.event.EventInput;
import dev.attache.schemas.event.ItemBody;
import dev.attache.schemas.kafka.ContractJson;

/**
 * Reads the body of {@code POST …/events}: the few event properties the registry keeps. An event is small, so it is
 * read whole, up to {@link #MAX_BYTES}; Graph's many other event properties are accepted and ignored.
 */
@ApplicationScoped
public class EventBodyParser {

    static final int MAX_BYTES = 64 * 1024;

    public EventInput parse(InputStream body) {
        JsonNode json;
        try {
            json = ContractJson.MAPPER.readTree(new BoundedInputStream(body, MAX_BYTES));
        } catch (RequestTooLargeException e) {
            throw new GraphException(413, GraphErrorCodes.REQUEST_TOO_LARGE,
                    "An event body is limited to " + MAX_BYTES / 1024 + " KB.");
        } catch (StreamReadException e) {
            throw GraphException.badRequest("Unable to read JSON request payload. Please ensure Content-Type header is"
                    + " set and payload is of valid JSON format.");
        } catch (IOException e) {
            throw GraphException.badRequest("The request body could not be read to its end.");
        }
        if (json == null || !json.isObject()) {
            throw GraphException.badRequest("The request body must be a JSON object describing the event.");
        }
        JsonNode itemBody = object(json, "body");
        JsonNode organizer = object(json, "organizer");
        JsonNode address = organizer == null ? null : object(organizer, "emailAddress");
        JsonNode location = object(json, "location");
        return new EventInput(text(json, "subject", TextField.SHORT),
                itemBody == null ? null : new ItemBody(text(itemBody, "contentType", TextField.SHORT),
                        text(itemBody, "content", TextField.BODY)),
                dateTime(json, "start"), dateTime(json, "end"),
                location == null ? null : text(location, "displayName", TextField.LINE),
                address == null ? null : new EmailAddress(text(address, "name", TextField.LINE),
                        text(address, "address", TextField.LINE)));
    }

    private static DateTimeTimeZone dateTime(JsonNode parent, String property) {
        JsonNode node = object(parent, property);
        return node == null ? null : new DateTimeTimeZone(text(node, "dateTime", TextField.SHORT),
                text(node, "timeZone", TextField.SHORT));
    }

    private static JsonNode object(JsonNode parent, String property) {
        JsonNode node = parent.get(property);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw GraphException.badRequest("The property '" + property + "' must be an object.");
        }
        return node;
    }

    /** A string property within its field's limits (refused before anything is appended), or null. */
    private static String text(JsonNode parent, String property, TextField field) {
        JsonNode node = parent.get(property);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw GraphException.badRequest("The property '" + property + "' must be a string.");
        }
        Optional<String> defect = field.defect(property, node.asText());
        if (defect.isPresent()) {
            throw GraphException.invalidRequest(defect.get());
        }
        return node.asText();
    }
}
