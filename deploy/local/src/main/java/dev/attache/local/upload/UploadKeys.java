package dev.attache.local.upload;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The {@code Idempotency-Key}s {@code attache upload} sends: derived from what is uploaded where, never random, so
 * that the same command run again (after a crash, a lost answer, a ^C) sends the same keys and the service answers
 * with what the first run created instead of creating it again.
 */
public final class UploadKeys {

    private UploadKeys() {
    }

    /** A file's key: the event, the file's name and its content's SHA-256. */
    public static String file(String eventId, String fileName, String sha256) {
        return "attache-upload-" + hash("file", eventId, fileName, sha256);
    }

    /** A new event's key: its subject and its start. */
    public static String event(String subject, String start) {
        return "attache-upload-event-" + hash("event", subject, start);
    }

    private static String hash(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 48);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
