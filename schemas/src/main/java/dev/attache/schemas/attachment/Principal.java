package dev.attache.schemas.attachment;

/**
 * Who sent the request, from the validated token.
 *
 * @param kind {@code delegated} (a signed-in user, scopes in {@code scp}) or {@code app} (roles)
 * @param objectId the token's {@code oid}
 * @param upn the user principal name, when the token has one
 */
public record Principal(String kind, String objectId, String upn) {
}
