package dev.attache.ingest.body;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;

import dev.attache.schemas.graph.GraphErrorCodes;
import dev.attache.ingest.detection.MediaTypeDetector;
import dev.attache.ingest.error.GraphException;
import dev.attache.ingest.spool.SpoolDirectory;
import dev.attache.ingest.spool.SpoolFile;
import dev.attache.schemas.attachment.AttachmentInput;
import dev.attache.schemas.attachment.ReferenceFields;
import dev.attache.schemas.attachment.TextField;
import dev.attache.schemas.kafka.ContractJson;

/**
 * Reads an attachment body in one streaming pass. {@code contentBytes} is base64-decoded straight into a spool file
 * and an {@code item} is copied there token by token, so no copy of the payload is held in memory; everything else
 * is small and kept. It only parses: storing the payload is the caller's next step, taken once the body is known to be
 * well-formed. Bad input is refused with a Graph error and leaves no file behind.
 *
 * <p>This is syntax only: whether the properties make a valid attachment of their {@code @odata.type} is the
 * processor's rule, decided once for every path into the log.
 */
@ApplicationScoped
public class AttachmentBodyParser {

    /** Standard alphabet as Exchange and the SDKs send it; padding accepted but not required. */
    private static final Base64Variant BASE64 = Base64Variants.MIME_NO_LINEFEEDS
            .withReadPadding(Base64Variant.PaddingReadBehaviour.PADDING_ALLOWED);
    private static final String MALFORMED = "Unable to read JSON request payload. Please ensure Content-Type header is"
            + " set and payload is of valid JSON format.";

    private final JsonFactory json = new BlockBase64JsonFactory(ContractJson.MAPPER.getFactory().copy())
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private final SpoolDirectory spool;
    private final RequestLimits limits;

    AttachmentBodyParser(SpoolDirectory spool, RequestLimits limits) {
        this.spool = spool;
        this.limits = limits;
    }

    /**
     * Parses {@code body}, its payload into a spool file.
     *
     * @throws GraphException 400 for bad JSON, 413 past the limit, 503 when there is no room to spool it
     */
    public ParsedAttachment parse(InputStream body) {
        Fields fields = new Fields();
        SpoolFile spooled = null;
        String storedType = null;
        try (JsonParser p = json.createParser(new BoundedInputStream(body, limits.maxRequestBytes()))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw GraphException.badRequest("The request body must be a JSON object describing the attachment.");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String property = p.currentName();
                p.nextToken();
                String folded = property.toLowerCase(Locale.ROOT);
                if (folded.equals("contentbytes") || folded.equals("item")) {
                    if (p.currentToken() == JsonToken.VALUE_NULL) {
                        continue;
                    }
                    if (spooled != null) {
                        throw GraphException.badRequest("An attachment has either contentBytes or item, not both.");
                    }
                    boolean item = folded.equals("item");
                    if (item && p.currentToken() != JsonToken.START_OBJECT) {
                        throw Fields.wrongType("item", "an object (an event, message or contact)");
                    }
                    if (!item && p.currentToken() != JsonToken.VALUE_STRING) {
                        throw Fields.wrongType("contentBytes", "a base64 string");
                    }
                    spooled = spool(MediaTypeDetector.SNIFF_BYTES);
                    storedType = item ? "application/json" : "application/octet-stream";
                    fields.payload = item ? AttachmentInput.PAYLOAD_ITEM : AttachmentInput.PAYLOAD_CONTENT_BYTES;
                    if (item) {
                        fields.itemType = copyItem(p, spooled);
                    } else {
                        decodeContent(p, spooled);
                    }
                } else {
                    fields.read(property, folded, p);
                }
            }
            if (p.nextToken() != null) {
                throw GraphException.badRequest(MALFORMED);
            }
            if (spooled == null) {
                // started here, not in describe(), so that a failure to write the description is handled below
                spooled = spool(0);
                storedType = "application/json";
                fields.payload = AttachmentInput.PAYLOAD_NONE;
                describe(fields.input(AttachmentInput.PAYLOAD_NONE), spooled);
            }
            AttachmentInput input = fields.input(fields.payload);
            try {
                return new ParsedAttachment(input, spooled.finish(), storedType);
            } catch (IOException e) {
                throw spoolUnavailable(e); // only the disk can refuse the end of content already parsed
            }
        } catch (GraphException e) {
            abort(spooled);
            throw e;
        } catch (RuntimeException e) {
            abort(spooled); // whatever went wrong, the spool file must not outlive the request
            throw e;
        } catch (RequestTooLargeException e) {
            abort(spooled);
            throw new GraphException(413, GraphErrorCodes.REQUEST_TOO_LARGE, limits.tooLargeMessage());
        } catch (IOException e) {
            // Asked before aborting: the abort itself makes the writes fail.
            boolean diskFailed = spooled != null && spooled.diskFailed();
            abort(spooled);
            if (diskFailed) {
                throw spoolUnavailable(e);
            }
            throw GraphException.badRequest(e instanceof StreamReadException ? MALFORMED
                    : "The request body could not be read to its end.");
        }
    }

    private SpoolFile spool(int headBytes) {
        try {
            return spool.create(headBytes);
        } catch (IOException e) {
            throw spoolUnavailable(e);
        }
    }

    private static void decodeContent(JsonParser p, SpoolFile spooled) throws IOException {
        try {
            p.readBinaryValue(BASE64, spooled.content());
        } catch (JsonProcessingException e) {
            throw GraphException.badRequest("contentBytes is not valid base64: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            // Jackson's decoder reports an illegal base64 character this way
            throw GraphException.badRequest("contentBytes is not valid base64: " + e.getMessage());
        }
    }

    /** Copies the item object to the spool file; answers its {@code @odata.type}, if it has one. */
    private String copyItem(JsonParser p, SpoolFile spooled) throws IOException {
        String itemType = null;
        try (JsonGenerator out = json.createGenerator(spooled.content())) {
            int depth = 0;
            do {
                if (depth == 1 && p.currentToken() == JsonToken.FIELD_NAME
                        && "@odata.type".equalsIgnoreCase(p.currentName())) {
                    out.copyCurrentEvent(p);
                    p.nextToken();
                    if (p.currentToken() == JsonToken.VALUE_STRING) {
                        itemType = p.getText();
                        Optional<String> defect = TextField.SHORT.defect("item.@odata.type", itemType);
                        if (defect.isPresent()) {
                            throw GraphException.invalidRequest(defect.get());
                        }
                    }
                }
                out.copyCurrentEvent(p);
                if (p.currentToken().isStructStart()) {
                    depth++;
                } else if (p.currentToken().isStructEnd()) {
                    depth--;
                }
            } while (depth > 0 && p.nextToken() != null);
        }
        return itemType;
    }

    /** Reference attachments (and bodies without payload) store the JSON of what they describe. */
    private void describe(AttachmentInput input, SpoolFile spooled) throws IOException {
        try (JsonGenerator out = json.createGenerator(spooled.content())) {
            ContractJson.MAPPER.writeValue(out, input);
        }
    }

    private static void abort(SpoolFile spooled) {
        if (spooled != null) {
            spooled.abort();
        }
    }

    private static GraphException spoolUnavailable(Exception cause) {
        return GraphException.unavailable("The attachment store is unavailable; nothing was saved. Retry later.", 5,
                cause);
    }

    /** The small properties of the body, as read. */
    private static final class Fields {
        String odataType;
        String name;
        String contentType;
        Boolean isInline;
        String contentId;
        String itemType;
        String sourceUrl;
        String providerType;
        String permission;
        Boolean isFolder;
        String thumbnailUrl;
        String previewUrl;
        String payload;

        void read(String property, String folded, JsonParser p) throws IOException {
            switch (folded) {
                case "@odata.type" -> odataType = text(property, p, TextField.SHORT);
                case "name" -> name = text(property, p, TextField.NAME);
                case "contenttype" -> contentType = text(property, p, TextField.SHORT);
                case "isinline" -> isInline = bool(property, p);
                case "contentid" -> contentId = text(property, p, TextField.SHORT);
                case "sourceurl" -> sourceUrl = text(property, p, TextField.URL);
                case "providertype" -> providerType = text(property, p, TextField.SHORT);
                case "permission" -> permission = text(property, p, TextField.SHORT);
                case "isfolder" -> isFolder = bool(property, p);
                case "thumbnailurl" -> thumbnailUrl = text(property, p, TextField.URL);
                case "previewurl" -> previewUrl = text(property, p, TextField.URL);
                // Read-only or unsupported properties: Graph ignores what a client sends for them.
                case "id", "lastmodifieddatetime", "size", "contentlocation" -> p.skipChildren();
                default -> {
                    if (!property.contains("@")) {
                        throw GraphException.badRequest("The property '" + property
                                + "' does not exist on type 'microsoft.graph.attachment'.");
                    }
                    p.skipChildren(); // instance annotations such as @odata.context
                }
            }
        }

        AttachmentInput input(String payload) {
            boolean anyReference = sourceUrl != null || providerType != null || permission != null || isFolder != null
                    || thumbnailUrl != null || previewUrl != null;
            return new AttachmentInput(odataType, name, contentType, isInline, contentId, itemType,
                    anyReference ? new ReferenceFields(sourceUrl, providerType, permission, isFolder, thumbnailUrl,
                            previewUrl) : null,
                    payload);
        }

        /**
         * A string property, refused here when it breaks its field's limits (control characters, length…): before
         * anything is stored, and before the command could grow past what the log takes.
         */
        private static String text(String property, JsonParser p, TextField field) throws IOException {
            String value = string(property, p);
            Optional<String> defect = field.defect(property, value);
            if (defect.isPresent()) {
                throw GraphException.invalidRequest(defect.get());
            }
            return value;
        }

        private static String string(String property, JsonParser p) throws IOException {
            return switch (p.currentToken()) {
                case VALUE_STRING -> p.getText();
                case VALUE_NULL -> null;
                default -> throw wrongType(property, "a string");
            };
        }

        /** Booleans are read leniently, as Graph does: {@code true}, {@code "True"}, {@code "false"}. */
        private static Boolean bool(String property, JsonParser p) throws IOException {
            return switch (p.currentToken()) {
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                case VALUE_NULL -> null;
                case VALUE_STRING -> {
                    String text = p.getText().trim();
                    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                        yield Boolean.valueOf(text.toLowerCase(Locale.ROOT));
                    }
                    throw wrongType(property, "a boolean");
                }
                default -> throw wrongType(property, "a boolean");
            };
        }

        static GraphException wrongType(String property, String expected) {
            return GraphException.badRequest("The property '" + property + "' must be " + expected + ".");
        }
    }
}
