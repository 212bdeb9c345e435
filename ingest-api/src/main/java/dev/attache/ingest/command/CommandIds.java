package dev.attache.ingest.command;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Ids of new attachments and events: 144 random bits, URL-safe base64 without padding (24 characters). Unguessable
 * by design, so an id of another tenant cannot be guessed, only copied, and a copied one is refused (tenant-scoped keys).
 */
public final class CommandIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private CommandIds() {
    }

    public static String next() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }
}
