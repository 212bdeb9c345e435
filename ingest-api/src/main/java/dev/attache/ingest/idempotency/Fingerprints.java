package dev.attache.ingest.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.schemas.attachment.AttachmentInput;
import dev.attache.schemas.attachment.ObjectRef;
import dev.attache.schemas.attachment.Route;
import dev.attache.schemas.event.EventInput;
import dev.attache.schemas.kafka.ContractJson;

/**
 * What makes two creates the same request: the method, where they were sent and what they carry. A body's content
 * is its meaning, not its bytes: the parsed description plus the SHA-256 of the stored payload (computed anyway while
 * streaming), so JSON spacing or field order makes no difference and no second pass over the payload is needed.
 */
public final class Fingerprints {

    private static final byte SEPARATOR = 0;

    private Fingerprints() {
    }

    /** A {@code POST …/attachments} to {@code origin}'s event with {@code input}, stored as {@code object}. */
    public static String attachment(AttachmentCommand.Origin origin, AttachmentInput input, ObjectRef object) {
        return hex(digest("POST", "attachments", json(origin.route()), origin.eventId(), json(input),
                object.sha256(), Long.toString(object.length())));
    }

    /** A {@code POST …/attachments/createUploadSession} to {@code origin}'s event for {@code size} bytes. */
    public static String uploadSession(AttachmentCommand.Origin origin, AttachmentInput input, long size) {
        return hex(digest("POST", "createUploadSession", json(origin.route()), origin.eventId(), json(input),
                Long.toString(size)));
    }

    /** A {@code POST …/events} to the calendar {@code collection} names, with {@code input}. */
    public static String event(Route collection, EventInput input) {
        return hex(digest("POST", "events", json(collection), json(input)));
    }

    /**
     * The id of the event an {@code Idempotency-Key} creates, so every repeat of the request lands in that event's
     * partition, where the processor remembers the key: unguessable without the key, and scoped like it (tenant,
     * caller, calendar).
     */
    public static String eventId(String tenantId, String callerId, Route collection, String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                digest("event-id", tenantId, callerId, json(collection), key));
    }

    private static byte[] digest(String... parts) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String part : parts) {
            // each part length-prefixed, so no two different lists hash alike
            byte[] bytes = part == null ? new byte[0] : part.getBytes(StandardCharsets.UTF_8);
            sha256.update(Integer.toString(part == null ? -1 : bytes.length).getBytes(StandardCharsets.US_ASCII));
            sha256.update(SEPARATOR);
            sha256.update(bytes);
        }
        return sha256.digest();
    }

    private static String json(Object value) {
        try {
            return ContractJson.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
