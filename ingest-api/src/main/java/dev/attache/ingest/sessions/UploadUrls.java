package dev.attache.ingest.sessions;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.attache.schemas.attachment.Principal;
import dev.attache.schemas.kafka.ContractJson;
import dev.attache.schemas.session.UploadSession;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.util.KeyUtils;

/**
 * The {@code uploadUrl} of a session: {@code {public url}/upload/sessions/{session}?authtoken={token}}, opaque to
 * clients and pre-authorised, as Graph's are. The token binds tenant, caller, event and session and carries the
 * expiry; it is signed with HMAC-SHA-256 under a key every ingest-api instance derives from the service key they
 * share ({@code attache.processor.token-key-location}), so any instance verifies any URL and no further secret needs
 * distributing. Rotating the service key invalidates the open sessions' URLs.
 */
@ApplicationScoped
public class UploadUrls {

    /** Where upload URLs live, outside the Graph routes and their bearer-token authentication. */
    public static final String PATH_PREFIX = "/upload/sessions/";

    private static final String HMAC = "HmacSHA256";
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    /**
     * What an upload URL grants.
     *
     * @param expiresAt epoch milliseconds
     */
    public record Grant(String tenantId, String objectId, String eventId, String sessionId, long expiresAt) {

        /** A Graph-looking principal for reads: only its object id counts there. */
        Principal principal() {
            return new Principal(Principal.DELEGATED, objectId, null, List.of(), List.of());
        }

        public boolean expiredAt(long millis) {
            return millis > expiresAt;
        }
    }

    private final SecretKeySpec key;

    UploadUrls(@ConfigProperty(name = "attache.processor.token-key-location") String keyLocation) throws Exception {
        byte[] serviceKey = KeyUtils.decodePrivateKey(Files.readString(Path.of(keyLocation)),
                SignatureAlgorithm.ES256).getEncoded();
        Mac derive = Mac.getInstance(HMAC);
        derive.init(new SecretKeySpec(serviceKey, HMAC));
        this.key = new SecretKeySpec(derive.doFinal("attache/upload-url/v1".getBytes(StandardCharsets.UTF_8)), HMAC);
    }

    /** What the upload URL of {@code session} grants. */
    public static Grant grant(UploadSession session) {
        return new Grant(session.tenantId(), session.principal().objectId(), session.eventId(), session.sessionId(),
                Instant.parse(session.expiresAt()).toEpochMilli());
    }

    /** The upload URL of {@code grant}'s session, under {@code baseUrl}. */
    public String url(String baseUrl, Grant grant) {
        return baseUrl + PATH_PREFIX + grant.sessionId() + "?authtoken=" + token(grant);
    }

    /** What {@code token} grants for session {@code sessionId}, or empty when it is not a valid token for it. */
    public Optional<Grant> verify(String sessionId, String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODE.decode(token.substring(0, dot));
            byte[] signature = DECODE.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(sign(payload), signature)) {
                return Optional.empty();
            }
            Grant grant = ContractJson.MAPPER.readValue(payload, Grant.class);
            return grant.sessionId() != null && grant.sessionId().equals(sessionId) ? Optional.of(grant)
                    : Optional.empty();
        } catch (IllegalArgumentException | java.io.IOException e) {
            return Optional.empty();
        }
    }

    /** The expiry as Graph writes it: ISO-8601 UTC. */
    public static String expiration(Grant grant) {
        return Instant.ofEpochMilli(grant.expiresAt()).toString();
    }

    private String token(Grant grant) {
        try {
            byte[] payload = ContractJson.MAPPER.writeValueAsBytes(grant);
            return ENCODE.encodeToString(payload) + "." + ENCODE.encodeToString(sign(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a grant is always JSON", e);
        }
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is in every JVM", e);
        }
    }
}
