package dev.attache.ingest.auth;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.attache.ingest.error.GraphException;
import dev.attache.ingest.route.EventPath;

class PermissionsTest {

    static final EventPath ME = new EventPath("v1.0", "me", null, "events", null, null, "E1");
    static final EventPath SELF_BY_UPN = new EventPath("v1.0", "user", "Ann@Contoso.com", "events", null, null, "E1");
    static final EventPath OTHER = new EventPath("v1.0", "user", "bob-oid", "events", null, null, "E1");
    static final EventPath GROUP = new EventPath("v1.0", "group", "g1", "events", null, null, "E1");

    static Caller delegated(String... permissions) {
        return new Caller("t1", "ann-oid", "ann@contoso.com", false, Set.of(permissions), Set.of());
    }

    static Caller app(String... roles) {
        return new Caller("t1", "app-oid", null, true, Set.of(roles), Set.of());
    }

    static void refused(Runnable check, int status, String code) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(GraphException.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(status);
            org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(code);
        });
    }

    @Test
    void delegatedOwnCalendarNeedsReadWriteToWriteAndAnyCalendarsScopeToRead() {
        assertThatCode(() -> Permissions.checkWrite(delegated("Calendars.ReadWrite"), ME)).doesNotThrowAnyException();
        assertThatCode(() -> Permissions.checkWrite(delegated("Calendars.ReadWrite.Shared"), SELF_BY_UPN))
                .doesNotThrowAnyException();
        assertThatCode(() -> Permissions.checkRead(delegated("Calendars.Read"), ME)).doesNotThrowAnyException();
        refused(() -> Permissions.checkWrite(delegated("Calendars.Read"), ME), 403, "ErrorAccessDenied");
        refused(() -> Permissions.checkRead(delegated("User.Read"), ME), 403, "ErrorAccessDenied");
    }

    @Test
    void theCallerIsItsObjectIdAndItsNameOnlyAddressesIt() {
        Caller ann = delegated("Calendars.ReadWrite");
        org.assertj.core.api.Assertions.assertThat(ann.is("ann-oid")).isTrue();
        org.assertj.core.api.Assertions.assertThat(ann.is("Ann@Contoso.com")).as("a name is no identity").isFalse();
        org.assertj.core.api.Assertions.assertThat(ann.mayBe("Ann@Contoso.com")).isTrue();
        // the processor resolves the name and asks for a share if it is someone else's
        assertThatCode(() -> Permissions.checkWrite(ann, SELF_BY_UPN)).doesNotThrowAnyException();
        refused(() -> Permissions.checkWrite(ann, new EventPath("v1.0", "user", "bob@contoso.com", "events", null,
                null, "E1")), 403, "ErrorAccessDenied");
    }

    @Test
    void delegatedOnAnotherUserNeedsTheSharedScope() {
        refused(() -> Permissions.checkWrite(delegated("Calendars.ReadWrite"), OTHER), 403, "ErrorAccessDenied");
        assertThatCode(() -> Permissions.checkWrite(delegated("Calendars.ReadWrite.Shared"), OTHER))
                .doesNotThrowAnyException();
        assertThatCode(() -> Permissions.checkRead(delegated("Calendars.Read.Shared"), OTHER))
                .doesNotThrowAnyException();
        refused(() -> Permissions.checkWrite(delegated("Calendars.Read.Shared"), OTHER), 403, "ErrorAccessDenied");
    }

    @Test
    void groupsNeedTheGroupScopeAndNoAppToken() {
        assertThatCode(() -> Permissions.checkWrite(delegated("Group.ReadWrite.All"), GROUP)).doesNotThrowAnyException();
        assertThatCode(() -> Permissions.checkRead(delegated("Group.Read.All"), GROUP)).doesNotThrowAnyException();
        refused(() -> Permissions.checkWrite(delegated("Group.Read.All", "Calendars.ReadWrite"), GROUP), 403,
                "ErrorAccessDenied");
        refused(() -> Permissions.checkWrite(app("Calendars.ReadWrite", "Group.ReadWrite.All"), GROUP), 403,
                "ErrorAccessDenied");
    }

    @Test
    void appTokensActOnAnyUserWithTheRoleButNeverOnMe() {
        assertThatCode(() -> Permissions.checkWrite(app("Calendars.ReadWrite"), OTHER)).doesNotThrowAnyException();
        assertThatCode(() -> Permissions.checkRead(app("Calendars.Read"), OTHER)).doesNotThrowAnyException();
        refused(() -> Permissions.checkWrite(app("Calendars.Read"), OTHER), 403, "ErrorAccessDenied");
        refused(() -> Permissions.checkWrite(app("Calendars.ReadWrite"), ME), 400, "BadRequest");
    }
}
