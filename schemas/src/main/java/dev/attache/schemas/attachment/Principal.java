package dev.attache.schemas.attachment;

import java.util.List;

/**
 * Who sent the request, from the validated token: what the processor needs to decide access against the registry.
 *
 * @param kind {@code delegated} (a signed-in user, scopes in {@code scp}) or {@code app} (roles)
 * @param objectId the token's {@code oid}
 * @param upn the user principal name, when the token has one
 * @param permissions the scopes ({@code scp}) or roles granted
 * @param groups the token's {@code groups} claim, possibly partial (Entra caps it)
 */
public record Principal(String kind, String objectId, String upn, List<String> permissions, List<String> groups) {

    public static final String DELEGATED = "delegated";
    public static final String APP = "app";
}
