package dev.attache.local.jwt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.interfaces.ECPublicKey;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;

/**
 * The key ingest-api signs its calls to the processor's internal API with (EC P-256, ES256), and the JSON Web Key Set
 * the processor verifies them against ({@code jwks.json}, the public key under its RFC 7638 thumbprint as
 * {@code kid}). A set, so that a rotation can publish the next key beside the current one first.
 */
public record ServiceKeys(SigningKeys pair, Path jwksFile, String keyId) {

    public static final String JWKS_FILE = "jwks.json";

    /** Loads the pair from {@code dir} (creating it on first use) and writes its key set beside it. */
    public static ServiceKeys loadOrCreate(Path dir) throws IOException, GeneralSecurityException {
        SigningKeys pair = SigningKeys.loadOrCreate(dir, SigningKeys.Algorithm.EC);
        EllipticCurveJsonWebKey jwk = new EllipticCurveJsonWebKey((ECPublicKey) pair.publicKey());
        String keyId = jwk.calculateBase64urlEncodedThumbprint("SHA-256");
        jwk.setKeyId(keyId);
        jwk.setUse("sig");
        jwk.setAlgorithm("ES256");
        Path jwks = dir.resolve(JWKS_FILE);
        Path tmp = jwks.resolveSibling(JWKS_FILE + ".tmp");
        Files.writeString(tmp, new JsonWebKeySet(jwk).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY),
                StandardCharsets.UTF_8);
        Files.move(tmp, jwks, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new ServiceKeys(pair, jwks, keyId);
    }
}
