package dev.attache.schemas.session;

/**
 * The bytes of a session received after its last S3 part, too few for a part of their own (S3 takes at least 5 MiB
 * per part but the last), kept as one small object until the next slice makes them a part.
 *
 * @param key the object key, generated: {@code tenant/sessions/session/offset-nonce}
 * @param length bytes in it
 */
public record SessionRemainder(String key, long length) {
}
