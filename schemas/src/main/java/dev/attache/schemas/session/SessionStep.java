package dev.attache.schemas.session;

/**
 * What a command does to an upload session: opens it ({@code open-upload-session}), takes a slice
 * ({@code append-slice}), takes the last slice ({@code add} with a step: the attachment is complete), or cancels it
 * ({@code cancel-upload-session}). It describes bytes already in S3, never carries them.
 *
 * @param sessionId the session
 * @param receivedAt epoch milliseconds when the front received the request (its clock): expiry is judged on it, so a
 *     replay decides the same
 * @param opened for {@code open-upload-session}: the session as opened (nothing received)
 * @param from for a slice: its first byte's offset
 * @param to for a slice: one past its last byte
 * @param part for a slice that completed an S3 part: the part (the old remainder, then this slice, cut at a multiple
 *     of 64 bytes unless it is the last part)
 * @param remainder the new remainder object: for a slice that completed no part, the old remainder and this slice;
 *     for one that did, the fewer than 64 bytes after the part; else null
 * @param digest for a slice that completed a part: the SHA-256 state after the session's parts
 * @param detectedType for the first slice: the media type the front detected from its first bytes and the name
 * @param reason for {@code cancel-upload-session}: {@link #CANCELLED} or {@link #EXPIRED}
 */
public record SessionStep(String sessionId, long receivedAt, UploadSession opened, Long from, Long to,
        SessionPart part, SessionRemainder remainder, String digest, String detectedType, String reason) {

    /** The client deleted the session. */
    public static final String CANCELLED = "cancelled";
    /** A front found the session expired when it was used. */
    public static final String EXPIRED = "expired";

    public static SessionStep open(UploadSession opened, long receivedAt) {
        return new SessionStep(opened.sessionId(), receivedAt, opened, null, null, null, null, null, null, null);
    }

    public static SessionStep slice(String sessionId, long receivedAt, long from, long to, SessionPart part,
            SessionRemainder remainder, String digest, String detectedType) {
        return new SessionStep(sessionId, receivedAt, null, from, to, part, remainder, digest, detectedType, null);
    }

    public static SessionStep cancel(String sessionId, long receivedAt, String reason) {
        return new SessionStep(sessionId, receivedAt, null, null, null, null, null, null, null, reason);
    }
}
