package dev.attache.ingest.state;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.attache.schemas.internal.ServiceToken;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.quarkus.runtime.Startup;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Signs the {@link ServiceToken} of each call to the processor's internal API with this service's key
 * ({@code attache.processor.token-key-location}, EC P-256), under the key id the processor's key set knows it by.
 * Read at start-up: a missing or broken key stops the app there, not at its first read.
 */
@Startup
@ApplicationScoped
public class ServiceTokens {

    private final PrivateKey key;
    private final String keyId;

    ServiceTokens(@ConfigProperty(name = "attache.processor.token-key-location") String keyLocation,
            @ConfigProperty(name = "attache.processor.token-key-id") String keyId) throws Exception {
        this.key = KeyUtils.decodePrivateKey(Files.readString(Path.of(keyLocation)), SignatureAlgorithm.ES256);
        this.keyId = keyId;
    }

    /** A token for one call: {@code path} with exactly {@code body}. */
    public String forCall(String path, byte[] body) {
        return Jwt.issuer(ServiceToken.ISSUER)
                .audience(ServiceToken.AUDIENCE)
                .subject(ServiceToken.ISSUER)
                .claim(ServiceToken.PATH_CLAIM, path)
                .claim(ServiceToken.BODY_HASH_CLAIM, ServiceToken.bodyHash(body))
                .expiresIn(Duration.ofSeconds(ServiceToken.LIFETIME_SECONDS))
                .jws().algorithm(SignatureAlgorithm.ES256).keyId(keyId)
                .sign(key);
    }
}
