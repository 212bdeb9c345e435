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

    /** Whether {@code userId} is this caller's object id: the only proof of who someone is. */
    public boolean is(String userId) {
        return objectId.equals(userId);
    }

    /**
     * Whether {@code userIdOrName} may name this caller: its object id, or the user principal name its token carries.
     * A name only addresses (the processor resolves it through the directory); it never grants anything.
     */
    public boolean mayBe(String userIdOrName) {
        return is(userIdOrName) || upn != null && upn.equalsIgnoreCase(userIdOrName);
    }

    public Principal principal() {
        return new Principal(app ? Principal.APP : Principal.DELEGATED, objectId, upn,
                permissions.stream().sorted().toList(), groups.stream().sorted().toList());
    }
}
