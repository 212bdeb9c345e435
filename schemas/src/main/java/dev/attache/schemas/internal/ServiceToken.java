package dev.attache.schemas.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The credential of a call to the processor's internal API ({@code /internal/*}): a short-lived JWT signed by
 * ingest-api (ES256), sent as {@code Authorization: Bearer}, and bound to the one request it authorises.
 *
 * <ul>
 *   <li>{@code iss} {@value #ISSUER}, {@code aud} {@value #AUDIENCE}, {@code exp} a minute after {@code iat};</li>
 *   <li>{@value #PATH_CLAIM}: the request path, so a token for a lookup is no token for anything else;</li>
 *   <li>{@value #BODY_HASH_CLAIM}: the base64url SHA-256 of the request body, so the body — the query and the
 *       principal it reads for — is as authentic as the signature: nobody can change whom a read is for.</li>
 * </ul>
 *
 * A processor that forwards a read to the instance holding the event relays the token with the unchanged body; the
 * holder verifies it the same way.
 */
public final class ServiceToken {

    public static final String ISSUER = "attache-ingest-api";
    public static final String AUDIENCE = "attache-processor";
    public static final String PATH_CLAIM = "path";
    public static final String BODY_HASH_CLAIM = "bh";
    /** How long a token is valid: enough for a forwarded read, too short to be worth stealing. */
    public static final long LIFETIME_SECONDS = 60;

    private ServiceToken() {
    }

    /** The value of {@value #BODY_HASH_CLAIM} for {@code body}. */
    public static String bodyHash(byte[] body) {
        try {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(body == null ? new byte[0] : body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
