package dev.attache.processor;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Map;

import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;

import dev.attache.schemas.internal.ServiceToken;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * A service key pair made for the test run: the processor verifies against its key set, the tests sign with its
 * private half as ingest-api does (and with a stranger's key, to be refused).
 */
public class ServiceTokenKeys implements QuarkusTestResourceLifecycleManager {

    public static final String KEY_ID = "test-key";
    private static KeyPair pair;

    static KeyPair newPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized Map<String, String> start() {
        try {
            pair = newPair();
            EllipticCurveJsonWebKey jwk = new EllipticCurveJsonWebKey((ECPublicKey) pair.getPublic());
            jwk.setKeyId(KEY_ID);
            jwk.setAlgorithm("ES256");
            Path jwks = Files.createDirectories(Path.of("target", "service-jwt")).resolve("jwks.json");
            Files.writeString(jwks, new JsonWebKeySet(jwk).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY),
                    StandardCharsets.UTF_8);
            return Map.of("mp.jwt.verify.publickey.location", jwks.toAbsolutePath().toString(),
                    "attache.audit.signing-key-file", auditKey(jwks.getParent(), "PRIVATE KEY", true),
                    "attache.audit.public-key-file", auditKey(jwks.getParent(), "PUBLIC KEY", false));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
    }

    private static KeyPair auditPair;

    /** The audit checkpoint key pair (Ed25519) made for the run, one half written as PEM; its path. */
    private static String auditKey(Path dir, String label, boolean privateHalf) throws Exception {
        if (auditPair == null) {
            auditPair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        }
        byte[] der = privateHalf ? auditPair.getPrivate().getEncoded() : auditPair.getPublic().getEncoded();
        Path file = dir.resolve(privateHalf ? "audit-private.pem" : "audit-public.pem");
        Files.writeString(file, "-----BEGIN " + label + "-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n", StandardCharsets.US_ASCII);
        return file.toAbsolutePath().toString();
    }

    /** The claims ingest-api signs for a call to {@code path} with {@code body}. */
    public static JwtClaimsBuilder claims(String path, byte[] body) {
        return Jwt.issuer(ServiceToken.ISSUER).audience(ServiceToken.AUDIENCE).subject(ServiceToken.ISSUER)
                .claim(ServiceToken.PATH_CLAIM, path)
                .claim(ServiceToken.BODY_HASH_CLAIM, ServiceToken.bodyHash(body))
                .expiresIn(Duration.ofSeconds(ServiceToken.LIFETIME_SECONDS));
    }

    public static String sign(JwtClaimsBuilder claims) {
        return sign(claims, pair.getPrivate());
    }

    public static String sign(JwtClaimsBuilder claims, PrivateKey key) {
        return claims.jws().algorithm(SignatureAlgorithm.ES256).keyId(KEY_ID).sign(key);
    }

    /** A valid token for {@code path} with {@code body}. */
    public static String forCall(String path, String body) {
        return sign(claims(path, body.getBytes(StandardCharsets.UTF_8)));
    }
}
