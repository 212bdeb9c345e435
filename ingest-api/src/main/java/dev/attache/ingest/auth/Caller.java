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
 */
public record Caller(String tenantId, String objectId, String upn, boolean app, Set<String> permissions) {

    public boolean has(String permission) {
        return permissions.contains(permission);
    }

    public Principal principal() {
        return new Principal(app ? "app" : "delegated", objectId, upn);
    }
}
