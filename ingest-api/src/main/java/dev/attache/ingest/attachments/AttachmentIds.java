package dev.attache.ingest.attachments;

import java.security.SecureRandom;
import java.util.Base64;

/** Attachment ids: 144 random bits, URL-safe base64 without padding (24 characters). Unguessable by design. */
final class AttachmentIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private AttachmentIds() {
    }

    static String next() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }
}
