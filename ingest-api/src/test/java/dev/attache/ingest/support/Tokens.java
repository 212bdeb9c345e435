package dev.attache.ingest.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.attache.schemas.internal.ServiceToken;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;

/** Tokens signed by the embedded issuer's key, like {@code ./attache token} mints them. */
public final class Tokens {

    public static final String AUDIENCE = "https://graph.microsoft.com";

    private Tokens() {
    }

    /** A fresh tenant per test keeps its objects and records apart from every other test's. */
    public static String newTenant() {
        return UUID.randomUUID().toString();
    }

    public static JwtClaimsBuilder delegated(String tenant, String oid, String... scopes) {
        return Jwt.issuer(PipelineStack.ready().getProperty("jwt.issuer"))
                .audience(AUDIENCE)
                .subject(oid)
                .claim("tid", tenant)
                .claim("oid", oid)
                .claim("idtyp", "user")
                .upn("user-" + oid.substring(0, 8) + "@attache.test")
                .claim("scp", String.join(" ", scopes.length == 0 ? new String[] {"Calendars.ReadWrite"} : scopes))
                .issuedAt(Instant.now())
                .expiresIn(Duration.ofMinutes(30));
    }

    public static JwtClaimsBuilder app(String tenant, String oid, String... roles) {
        return Jwt.issuer(PipelineStack.ready().getProperty("jwt.issuer"))
                .audience(AUDIENCE)
                .subject(oid)
                .claim("tid", tenant)
                .claim("oid", oid)
                .claim("idtyp", "app")
                .claim("roles", List.of(roles))
                .issuedAt(Instant.now())
                .expiresIn(Duration.ofMinutes(30));
    }

    /** A delegated user who may write to the calendars of {@code groupId}, listed in the token's groups claim. */
    public static String groupMember(String tenant, String groupId) {
        return sign(delegated(tenant, UUID.randomUUID().toString(), "Calendars.ReadWrite", "Group.ReadWrite.All")
                .claim("groups", List.of(groupId)));
    }

    /** An app-only token with the Calendars.ReadWrite role. */
    public static String app(String tenant) {
        return sign(app(tenant, UUID.randomUUID().toString(), "Calendars.ReadWrite"));
    }

    public static String sign(JwtClaimsBuilder claims) {
        return claims.sign(privateKey());
    }

    public static String user(String tenant) {
        return sign(delegated(tenant, UUID.randomUUID().toString()));
    }

    /** A service token for a call to the processor's internal {@code path} with {@code body}, as ingest-api signs it. */
    public static String service(String path, byte[] body) {
        try {
            PrivateKey key = KeyUtils.decodePrivateKey(Files.readString(Path.of(
                    PipelineStack.ready().getProperty("service-token.private-key"))), SignatureAlgorithm.ES256);
            return Jwt.issuer(ServiceToken.ISSUER).audience(ServiceToken.AUDIENCE).subject(ServiceToken.ISSUER)
                    .claim(ServiceToken.PATH_CLAIM, path)
                    .claim(ServiceToken.BODY_HASH_CLAIM, ServiceToken.bodyHash(body))
                    .expiresIn(Duration.ofSeconds(ServiceToken.LIFETIME_SECONDS))
                    .jws().algorithm(SignatureAlgorithm.ES256)
                    .keyId(PipelineStack.ready().getProperty("service-token.key-id"))
                    .sign(key);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot sign a service token", e);
        }
    }

    public static PrivateKey privateKey() {
        try {
            return KeyUtils.decodePrivateKey(Files.readString(Path.of(PipelineStack.ready().getProperty("jwt.private-key"))));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the embedded issuer's key", e);
        }
    }
}
