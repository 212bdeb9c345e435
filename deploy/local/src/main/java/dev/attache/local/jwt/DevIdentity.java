package dev.attache.local.jwt;

import java.util.List;

/**
 * The made-up Entra ID directory the local stack's tokens come from: one tenant, one user, one client app.
 *
 * <p>The ids are fixed so that data written in one session (keys in S3, records in Kafka are per tenant and user)
 * is found again in the next, and so tests and docs can name them. They all start with {@code a77ac4e0}
 * ("attache") to be recognisable in logs; none of them exists in any real directory.
 */
public final class DevIdentity {

    /** {@code tid}: the tenant (directory) id. */
    public static final String TENANT_ID = "a77ac4e0-7e4a-4a11-8000-000000000001";

    /** {@code oid} and {@code sub} of the dev user in delegated tokens. */
    public static final String USER_OBJECT_ID = "a77ac4e0-5e25-4d3e-8000-000000000002";

    /** {@code upn} and {@code preferred_username} of the dev user. */
    public static final String USER_UPN = "dev@attache.local";

    /** {@code appid}: the client application the tokens were issued to. */
    public static final String APP_ID = "a77ac4e0-a990-4c1d-8000-000000000003";

    /** {@code oid} and {@code sub} in app-only tokens: Entra puts the app's service principal there. */
    public static final String APP_OBJECT_ID = "a77ac4e0-5e7f-4a9e-8000-000000000004";

    /** {@code iss}; Entra's is {@code https://sts.windows.net/{tid}/}, this one says plainly it is local. */
    public static final String ISSUER = "https://attache.local/issuer";

    /** {@code aud}: tokens are for Microsoft Graph, whose API this service implements. */
    public static final String AUDIENCE = "https://graph.microsoft.com";

    /** Delegated permissions ({@code scp}) and application permissions ({@code roles}) granted by default. */
    public static final List<String> DEFAULT_SCOPES = List.of("Calendars.ReadWrite");
    public static final List<String> DEFAULT_ROLES = List.of("Calendars.ReadWrite");

    private DevIdentity() {
    }

    /**
     * The made-up directory's name for {@code objectId}: {@link #USER_UPN} for the dev user, {@code <oid>@attache.local}
     * for anyone else, so no two users share a name (as in a real directory).
     */
    public static String upnOf(String objectId) {
        return USER_OBJECT_ID.equals(objectId) ? USER_UPN : objectId + "@attache.local";
    }
}
