package dev.attache.local.cli;

import dev.attache.local.jwt.DevIdentity;
import dev.attache.local.jwt.SigningKeys;
import dev.attache.local.jwt.TokenMinter;
import dev.attache.local.jwt.TokenRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code attache token}: prints one signed access token and nothing else, for {@code $(./attache token)}. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Print a dev access token (RS256) that the local ingest-api accepts.",
                "Delegated (a user) by default; --app for an app-only token."})
final class TokenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption dataDir;

    @Option(names = "--user", paramLabel = "OID",
            description = "oid and sub (default: the dev user " + DevIdentity.USER_OBJECT_ID
                    + ", or with --app the dev app's service principal " + DevIdentity.APP_OBJECT_ID + ").")
    String objectId;

    @Option(names = "--upn", paramLabel = "UPN",
            description = "upn and preferred_username of a delegated token (default: " + DevIdentity.USER_UPN
                    + " for the dev user, <oid>@attache.local for any other --user).")
    String upn;

    @Option(names = "--tenant", paramLabel = "TID", defaultValue = DevIdentity.TENANT_ID,
            description = "tid (default: ${DEFAULT-VALUE}).")
    String tenantId;

    @Option(names = "--scopes", paramLabel = "SCOPES",
            description = "Delegated permissions, space- or comma-separated, put in scp (default: Calendars.ReadWrite).")
    String scopes;

    @Option(names = "--app", description = "App-only token: roles instead of scp, no upn.")
    boolean appOnly;

    @Option(names = "--roles", paramLabel = "ROLES",
            description = "Application permissions for --app, comma-separated, put in roles (default: Calendars.ReadWrite).")
    String roles;

    @Option(names = "--ttl", paramLabel = "DURATION", defaultValue = "PT1H",
            description = "Lifetime, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration ttl;

    @Option(names = "--issuer", paramLabel = "URL", defaultValue = DevIdentity.ISSUER,
            description = "iss; must match what ingest-api verifies (default: ${DEFAULT-VALUE}).")
    String issuer;

    @Option(names = "--groups", paramLabel = "IDS",
            description = "Comma-separated group ids for the groups claim (delegated tokens).")
    String groups;

    @Option(names = "--app-id", paramLabel = "GUID", defaultValue = DevIdentity.APP_ID,
            description = "appid, the client app (default: ${DEFAULT-VALUE}).")
    String appId;

    @Override
    public Integer call() throws Exception {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new ParameterException(spec.commandLine(), "--ttl must be positive");
        }
        SigningKeys keys = SigningKeys.loadOrCreate(dataDir.layout().jwt());
        String token = new TokenMinter(keys.privateKey(), Clock.systemUTC()).mint(request());
        spec.commandLine().getOut().println(token);
        return 0;
    }

    private TokenRequest request() {
        if (appOnly) {
            if (scopes != null || upn != null || groups != null) {
                throw new ParameterException(spec.commandLine(),
                        "--scopes, --upn and --groups are for delegated tokens; an --app token carries --roles");
            }
            TokenRequest d = TokenRequest.appOnlyDefaults();
            return new TokenRequest(true, issuer, tenantId, or(objectId, d.objectId()), null,
                    roles == null ? d.permissions() : PermissionList.parse(roles), appId, ttl, List.of());
        }
        if (roles != null) {
            throw new ParameterException(spec.commandLine(), "--roles needs --app; delegated tokens carry --scopes");
        }
        TokenRequest d = TokenRequest.delegatedDefaults();
        String user = or(objectId, d.objectId());
        return new TokenRequest(false, issuer, tenantId, user, or(upn, DevIdentity.upnOf(user)),
                scopes == null ? d.permissions() : PermissionList.parse(scopes), appId, ttl,
                groups == null ? List.of() : PermissionList.parse(groups));
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
