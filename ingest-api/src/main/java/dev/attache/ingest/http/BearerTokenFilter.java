package dev.attache.ingest.http;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jose4j.jwt.consumer.InvalidJwtException;

import dev.attache.ingest.auth.Caller;
import dev.attache.ingest.auth.VerifiedTokens;
import dev.attache.ingest.sessions.UploadUrls;
import dev.attache.schemas.graph.GraphErrorCodes;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.ext.web.RoutingContext;

/**
 * Validates the bearer token before anything else looks at the request, so a refused request never uploads a byte.
 * smallrye-jwt checks the signature, issuer, audience and lifetime as configured ({@code mp.jwt.verify.*}); this
 * filter adds what Graph needs of a token: a tenant and an object id.
 */
public class BearerTokenFilter {

    private static final Logger LOG = Logger.getLogger(BearerTokenFilter.class);
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9-]{1,64}");

    @Inject
    JWTParser parser;

    @Inject
    VerifiedTokens verified;

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Response authenticate(RoutingContext rc) {
        if (isUploadUrl(rc)) {
            return null; // an upload URL carries its own authorisation; a bearer token there is ignored
        }
        String header = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
            return unauthorized(rc, "Access token is empty.");
        }
        String token = header.substring(7).trim();
        Optional<Caller> known = verified.caller(token);
        if (known.isPresent()) {
            ExchangeAttributes.caller(rc, known.get());
            return null;
        }
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token);
        } catch (ParseException e) {
            LOG.debugf("Token refused: %s", rootMessage(e));
            return unauthorized(rc, expired(e) ? "Lifetime validation failed, the token is expired."
                    : "Access token validation failure.");
        }
        String tenant = text(jwt.getClaim("tid"));
        String objectId = text(jwt.getClaim("oid"));
        if (tenant == null || !TENANT.matcher(tenant).matches() || objectId == null || objectId.isBlank()) {
            return unauthorized(rc, "Access token validation failure: the token has no tenant (tid) or object id (oid).");
        }
        Caller caller = new Caller(tenant, objectId, upn(jwt), isApp(jwt), permissions(jwt), groups(jwt));
        verified.accepted(token, caller, Instant.ofEpochSecond(jwt.getExpirationTime()));
        ExchangeAttributes.caller(rc, caller);
        return null;
    }

    /**
     * Whether the request is for an upload URL, by its path as sent and as routed (dot segments removed): a path
     * such as {@code /upload/sessions/x/../../v1.0/me/events} must not pass as one.
     */
    private static boolean isUploadUrl(RoutingContext rc) {
        return rc.request().path().startsWith(UploadUrls.PATH_PREFIX)
                && rc.normalizedPath().startsWith(UploadUrls.PATH_PREFIX)
                && !rc.request().path().contains("/.") && !rc.request().path().contains("%");
    }

    private static boolean isApp(JsonWebToken jwt) {
        String idtyp = text(jwt.getClaim("idtyp"));
        if (idtyp != null) {
            return "app".equalsIgnoreCase(idtyp);
        }
        return jwt.getClaim("scp") == null && jwt.getClaim("roles") != null;
    }

    private static String upn(JsonWebToken jwt) {
        String upn = text(jwt.getClaim("upn"));
        return upn != null ? upn : text(jwt.getClaim("preferred_username"));
    }

    /** Delegated tokens carry {@code scp}, a space-separated string; app-only tokens carry {@code roles}, an array. */
    private static Set<String> permissions(JsonWebToken jwt) {
        String scp = text(jwt.getClaim("scp"));
        Set<String> granted = scp == null ? new HashSet<>()
                : Arrays.stream(scp.split(" ")).filter(p -> !p.isBlank()).collect(Collectors.toSet());
        if (jwt.getClaim("roles") instanceof Collection<?> roles) {
            roles.forEach(role -> granted.add(text(role)));
        }
        return Set.copyOf(granted);
    }

    private static Set<String> groups(JsonWebToken jwt) {
        Set<String> groups = new HashSet<>();
        if (jwt.getClaim("groups") instanceof Collection<?> values) {
            values.forEach(group -> groups.add(text(group)));
        }
        groups.remove(null);
        return Set.copyOf(groups);
    }

    /** A string claim: smallrye-jwt hands out strings, or JSON-P values inside arrays. */
    private static String text(Object claim) {
        if (claim instanceof JsonString s) {
            return s.getString();
        }
        return claim instanceof String s ? s : null;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static boolean expired(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidJwtException invalid && invalid.hasExpired()) {
                return true;
            }
        }
        return false;
    }

    private static Response unauthorized(RoutingContext rc, String message) {
        return GraphErrorResponses.response(401, GraphErrorCodes.INVALID_AUTHENTICATION_TOKEN, message,
                Map.of("WWW-Authenticate", "Bearer realm=\"\", error=\"invalid_token\""), ExchangeAttributes.ids(rc));
    }
}
