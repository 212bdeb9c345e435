package dev.attache.processor.query;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import dev.attache.schemas.attachment.ReplyError;
import dev.attache.schemas.internal.ServiceToken;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Who may call the internal API: a caller holding a {@link ServiceToken} that verifies against the configured key
 * set ({@code mp.jwt.verify.*}: signature, issuer, audience, lifetime) and is bound to this very request — its path
 * and the hash of its body. A request without one is refused before its body is even parsed, so nothing is read for
 * an anonymous caller, whatever principal its body declares.
 */
@ApplicationScoped
public class InternalCallers {

    static final ReplyError UNAUTHENTICATED = new ReplyError(401, "InvalidAuthenticationToken",
            "The internal API needs a valid service token.");
    private static final Logger LOG = Logger.getLogger(InternalCallers.class);

    private final JWTParser parser;

    InternalCallers(JWTParser parser) {
        this.parser = parser;
    }

    /** Why a call to {@code path} with {@code body} and header {@code authorization} is refused, or empty. */
    public Optional<ReplyError> refusal(String authorization, String path, byte[] body) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(UNAUTHENTICATED);
        }
        JsonWebToken token;
        try {
            token = parser.parse(authorization.substring(7).trim());
        } catch (ParseException e) {
            LOG.debugf("Internal call to %s refused: %s", path, e.getMessage());
            return Optional.of(UNAUTHENTICATED);
        }
        if (!path.equals(token.getClaim(ServiceToken.PATH_CLAIM))) {
            LOG.debugf("Internal call to %s refused: the token is for %s", path,
                    (Object) token.getClaim(ServiceToken.PATH_CLAIM));
            return Optional.of(UNAUTHENTICATED);
        }
        if (!ServiceToken.bodyHash(body).equals(token.getClaim(ServiceToken.BODY_HASH_CLAIM))) {
            LOG.debugf("Internal call to %s refused: the body is not the one the token was issued for", path);
            return Optional.of(UNAUTHENTICATED);
        }
        return Optional.empty();
    }
}
