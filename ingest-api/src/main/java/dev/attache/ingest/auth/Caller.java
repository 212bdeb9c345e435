package dev.attache.ingest.auth;

import java.util.Set;

import dev.attache.schemas.attachment.Principal;

/**
 * The authenticated caller, from a validated token.
 *
 * @param tenantId {@code tid}: scopes every key and object name
 * @param objectId {@code oid}: who {@code /me} is
 * @param upn the user principal name, or null (app-only tokens have none)
 * @param app whether the token is app-only (permissions in {@code roles}) rather than delegated ({@code scp})
 * @param permissions the scopes or roles granted
 * @param groups the token's {@code groups} claim (group ids), possibly partial
 */
public record Caller(String tenantId, String objectId, String upn, boolean app, Set<String> permissions,
        Set<String> groups) {

    public boolean has(String permission) {
        return permissions.contains(permission);
    }

    public boolean hasAny(String... anyOf) {
        for (String permission : anyOf) {
            if (permissions.contains(permission)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code userIdOrUpn} names this caller (by object id, or by UPN in any case). */
    public boolean is(String userIdOrUpn) {
        return objectId.equals(userIdOrUpn) || upn != null && upn.equalsIgnoreCase(userIdOrUpn);
    }

    public Principal principal() {
        return new Principal(app ? Principal.APP : Principal.DELEGATED, objectId, upn,
                permissions.stream().sorted().toList(), groups.stream().sorted().toList());
    }
}
