package dev.attache.local.jwt;

import java.time.Duration;
import java.util.List;

/**
 * What a dev access token says. Entra ID issues two shapes for Graph, and the service must handle both:
 * <ul>
 *   <li>delegated (a user signed in to an app): {@code scp} is a space-separated string, {@code upn} names the user;</li>
 *   <li>app-only (client credentials): {@code roles} is a JSON array, and there is no user, so no {@code upn} or
 *       {@code scp}.</li>
 * </ul>
 *
 * @param permissions scopes of a delegated token, roles of an app-only token
 * @param upn         the user's name; {@code null} in app-only tokens
 * @param groups      the {@code groups} claim: group ids the user is a member of (delegated tokens only)
 */
public record TokenRequest(
        boolean appOnly,
        String issuer,
        String tenantId,
        String objectId,
        String upn,
        List<String> permissions,
        String appId,
        Duration ttl,
        List<String> groups) {

    public static final Duration DEFAULT_TTL = Duration.ofHours(1);

    public TokenRequest {
        permissions = List.copyOf(permissions);
        groups = groups == null ? List.of() : List.copyOf(groups);
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive: " + ttl);
        }
    }

    /** The dev user, signed in to the dev app, with the default scopes, for an hour. */
    public static TokenRequest delegatedDefaults() {
        return new TokenRequest(false, DevIdentity.ISSUER, DevIdentity.TENANT_ID, DevIdentity.USER_OBJECT_ID,
                DevIdentity.USER_UPN, DevIdentity.DEFAULT_SCOPES, DevIdentity.APP_ID, DEFAULT_TTL, List.of());
    }

    /** The dev app acting as itself, with the default application roles, for an hour. */
    public static TokenRequest appOnlyDefaults() {
        return new TokenRequest(true, DevIdentity.ISSUER, DevIdentity.TENANT_ID, DevIdentity.APP_OBJECT_ID,
                null, DevIdentity.DEFAULT_ROLES, DevIdentity.APP_ID, DEFAULT_TTL, List.of());
    }
}
