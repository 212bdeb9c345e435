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
import dev.attache.ingest.error.GraphException;
import dev.attache.ingest.upload.ObjectUploader;
import dev.attache.ingest.upload.RequestLimits;
import dev.attache.ingest.upload.Upload;
import dev.attache.ingest.upload.UploadFailedException;
import dev.attache.schemas.attachment.AttachmentInput;
import dev.attache.schemas.attachment.ReferenceFields;
import dev.attache.schemas.attachment.TextField;
import dev.attache.schemas.kafka.ContractJson;

/**
 * Reads an attachment body in one streaming pass. {@code contentBytes} is base64-decoded straight into the S3 upload
 * and an {@code item} is copied there token by token, so no copy of the payload is held in memory; everything else
 * is small and kept. Bad input is refused with a Graph error and leaves no object behind.
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

    private final JsonFactory json = ContractJson.MAPPER.getFactory().copy()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private final ObjectUploader uploader;
    private final RequestLimits limits;

    AttachmentBodyParser(ObjectUploader uploader, RequestLimits limits) {
        this.uploader = uploader;
        this.limits = limits;
    }

    /**
     * Parses {@code body} and stores its payload as object {@code tenantId/attachmentId}.
     *
     * @throws GraphException 400 for bad JSON, 413 past the limit, 503 when the store is unavailable
     */
    public ParsedAttachment parse(InputStream body, String tenantId, String attachmentId) {
        Fields fields = new Fields();
        Upload upload = null;
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
                    if (upload != null) {
                        throw GraphException.badRequest("An attachment has either contentBytes or item, not both.");
                    }
                    boolean item = folded.equals("item");
                    if (item && p.currentToken() != JsonToken.START_OBJECT) {
                        throw Fields.wrongType("item", "an object (an event, message or contact)");
                    }
                    if (!item && p.currentToken() != JsonToken.VALUE_STRING) {
                        throw Fields.wrongType("contentBytes", "a base64 string");
                    }
                    upload = uploader.start(tenantId, attachmentId, item ? "application/json"
                            : "application/octet-stream");
                    fields.payload = item ? AttachmentInput.PAYLOAD_ITEM : AttachmentInput.PAYLOAD_CONTENT_BYTES;
                    if (item) {
                        fields.itemType = copyItem(p, upload);
                    } else {
                        decodeContent(p, upload);
                    }
                } else {
                    fields.read(property, folded, p);
                }
            }
            if (p.nextToken() != null) {
                throw GraphException.badRequest(MALFORMED);
            }
            if (upload == null) {
                // started here, not in describe(), so that a failure to write the description is handled below
                upload = uploader.start(tenantId, attachmentId, "application/json");
                fields.payload = AttachmentInput.PAYLOAD_NONE;
                describe(fields.input(AttachmentInput.PAYLOAD_NONE), upload);
            }
            byte[] head = AttachmentInput.PAYLOAD_CONTENT_BYTES.equals(fields.payload) ? upload.content().head() : null;
            AttachmentInput input = fields.input(fields.payload);
            Upload.Stored stored = upload.complete();
            return new ParsedAttachment(input, stored.object(), head, stored.content());
        } catch (UploadFailedException e) {
            throw storeUnavailable(e);
        } catch (GraphException e) {
            abort(upload);
            throw e;
        } catch (RuntimeException e) {
            abort(upload); // whatever went wrong, the spool file must not outlive the request
            throw e;
        } catch (RequestTooLargeException e) {
            abort(upload);
            throw new GraphException(413, GraphErrorCodes.REQUEST_TOO_LARGE, limits.tooLargeMessage());
        } catch (IOException e) {
            // Asked before aborting: the abort itself makes the upload fail.
            boolean storeFailed = upload != null && upload.storeFailed();
            abort(upload);
            if (storeFailed) {
                throw storeUnavailable(e);
            }
            throw GraphException.badRequest(e instanceof StreamReadException ? MALFORMED
                    : "The request body could not be read to its end.");
        }
    }

    private static void decodeContent(JsonParser p, Upload upload) throws IOException {
        try {
            p.readBinaryValue(BASE64, upload.content());
        } catch (JsonProcessingException e) {
            throw GraphException.badRequest("contentBytes is not valid base64: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            // Jackson's decoder reports an illegal base64 character this way
            throw GraphException.badRequest("contentBytes is not valid base64: " + e.getMessage());
        }
    }

    /** Copies the item object to the upload; answers its {@code @odata.type}, if it has one. */
    private String copyItem(JsonParser p, Upload upload) throws IOException {
        String itemType = null;
        try (JsonGenerator out = json.createGenerator(upload.content())) {
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
    private void describe(AttachmentInput input, Upload upload) throws IOException {
        try (JsonGenerator out = json.createGenerator(upload.content())) {
            ContractJson.MAPPER.writeValue(out, input);
        }
    }

    private static void abort(Upload upload) {
        if (upload != null) {
            upload.abort();
        }
    }

    private static GraphException storeUnavailable(Exception cause) {
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
