package dev.attache.local.jwt;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Signs access tokens shaped like the ones Entra ID issues for Microsoft Graph (RS256). */
public final class TokenMinter {

    private final PrivateKey signingKey;
    private final Clock clock;

    public TokenMinter(PrivateKey signingKey, Clock clock) {
        this.signingKey = signingKey;
        this.clock = clock;
    }

    public String mint(TokenRequest request) {
        Instant now = clock.instant();
        JwtClaimsBuilder claims = Jwt.claims()
                .issuer(request.issuer())
                .audience(DevIdentity.AUDIENCE)
                .subject(request.objectId())
                .claim("tid", request.tenantId())
                .claim("oid", request.objectId())
                .claim("appid", request.appId())
                .claim("idtyp", request.appOnly() ? "app" : "user")
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(now)
                .claim("nbf", now.getEpochSecond())
                .expiresAt(now.plus(request.ttl()));
        if (request.appOnly()) {
            claims.claim("roles", request.permissions());
        } else {
            claims.upn(request.upn())
                    .preferredUserName(request.upn())
                    .claim("scp", String.join(" ", request.permissions()));
            if (!request.groups().isEmpty()) {
                claims.claim("groups", request.groups());
            }
        }
        return claims.jws().algorithm(SignatureAlgorithm.RS256).sign(signingKey);
    }
}
