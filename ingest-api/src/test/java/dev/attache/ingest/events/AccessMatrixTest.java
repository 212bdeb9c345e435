package dev.attache.ingest.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.attache.ingest.support.Events;
import dev.attache.ingest.support.PipelineStack;
import dev.attache.ingest.support.StackClients;
import dev.attache.ingest.support.Tokens;
import dev.attache.schemas.event.CalendarShare;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Who may attach to what: token kinds × permissions × route owners × event states, each with its exact status and
 * error code, and no object left behind for any refused request.
 */
@QuarkusTest
@QuarkusTestResource(PipelineStack.class)
class AccessMatrixTest {

    static final String FILE = "{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"a.txt\","
            + "\"contentBytes\":\"AQID\"}";

    record Case(String name, String token, String path, int status, String code) {
    }

    @BeforeAll
    static void sendPathsAsWritten() {
        RestAssured.urlEncodingEnabled = false;
    }

    @Test
    void everyCombinationGetsItsStatusAndRefusalsStoreNothing() throws Exception {
        String tenant = Tokens.newTenant();
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String upnA = "user-" + a.substring(0, 8) + "@attache.test";
        String aRw = Tokens.sign(Tokens.delegated(tenant, a, "Calendars.ReadWrite"));
        String aShared = Tokens.sign(Tokens.delegated(tenant, a, "Calendars.ReadWrite.Shared"));
        String aRead = Tokens.sign(Tokens.delegated(tenant, a, "Calendars.Read"));
        String bRw = Tokens.sign(Tokens.delegated(tenant, b, "Calendars.ReadWrite"));
        String app = Tokens.app(tenant);
        String appNoRole = Tokens.sign(Tokens.app(tenant, UUID.randomUUID().toString(), "User.Read.All"));
        String member = Tokens.groupMember(tenant, "G1");
        String registryMemberId = UUID.randomUUID().toString();
        String registryMember = Tokens.sign(Tokens.delegated(tenant, registryMemberId, "Calendars.ReadWrite",
                "Group.ReadWrite.All"));
        String nonMember = Tokens.sign(Tokens.delegated(tenant, UUID.randomUUID().toString(), "Calendars.ReadWrite",
                "Group.ReadWrite.All"));
        // another user whose token carries A's name (a reassigned UPN): a name never makes anyone A
        String impostor = Tokens.sign(Tokens.delegated(tenant, UUID.randomUUID().toString(), "Calendars.ReadWrite")
                .upn(upnA));
        String otherTenant = Tokens.newTenant();
        String otherTenantUser = Tokens.user(otherTenant);

        String eA = Events.create(aRw, "/v1.0/me/events");
        String eAcal = Events.create(aRw, "/v1.0/me/calendars/C1/events");
        String eB = Events.create(bRw, "/v1.0/me/events");
        String eBshared = Events.create(bRw, "/v1.0/me/calendar/events");
        String eBprivate = Events.create(bRw, "/v1.0/me/calendars/C9/events");
        String eG = Events.create(member, "/v1.0/groups/G1/events");
        String eOther = Events.create(otherTenantUser, "/v1.0/me/events");
        String eDeleted = Events.create(aRw, "/v1.0/me/events");
        given().auth().oauth2(aRw).delete("/v1.0/me/events/" + eDeleted).then().statusCode(204);
        Events.share(tenant, b, a, CalendarShare.WRITE);
        Events.member(tenant, "G1", registryMemberId);
        Events.name(tenant, upnA, a);
        // Reads follow the same rules: once these answer, the share and the membership are in the processor's stores.
        Events.awaitReadable(aShared, "/v1.0/users/" + b + "/events/" + eBshared);
        Events.awaitReadable(registryMember, "/v1.0/groups/G1/events/" + eG);
        Events.awaitReadable(app, "/v1.0/users/" + upnA.replace("@", "%40") + "/events/" + eA);

        List<Case> cases = List.of(
                new Case("owner via /me", aRw, "/v1.0/me/events/" + eA, 201, null),
                new Case("owner via /users/{oid}", aRw, "/v1.0/users/" + a + "/events/" + eA, 201, null),
                new Case("owner via /users/{upn}", aRw, "/v1.0/users/" + upnA.replace("@", "%40") + "/events/" + eA, 201, null),
                new Case("app via /users/{upn}, resolved by the directory", app, "/v1.0/users/" + upnA.replace("@", "%40") + "/events/" + eA, 201, null),
                new Case("the owner's UPN under another oid, via /me", impostor, "/v1.0/me/events/" + eA, 404, "ErrorItemNotFound"),
                new Case("the owner's UPN under another oid, via /users/{upn}", impostor, "/v1.0/users/" + upnA.replace("@", "%40") + "/events/" + eA, 403, "ErrorAccessDenied"),
                new Case("the owner's UPN under another oid, via /users/{oid}", impostor, "/v1.0/users/" + a + "/events/" + eA, 403, "ErrorAccessDenied"),
                new Case("owner, any calendar via /events", aRw, "/v1.0/me/events/" + eAcal, 201, null),
                new Case("owner, its calendar", aRw, "/beta/me/calendars/C1/events/" + eAcal, 201, null),
                new Case("owner, another calendar", aRw, "/v1.0/me/calendars/C2/events/" + eAcal, 404, "ErrorItemNotFound"),
                new Case("owner, default calendar path to another", aRw, "/v1.0/me/calendar/events/" + eAcal, 404, "ErrorItemNotFound"),
                new Case("read-only scope", aRead, "/v1.0/me/events/" + eA, 403, "ErrorAccessDenied"),
                new Case("someone else's event via /me", aRw, "/v1.0/me/events/" + eB, 404, "ErrorItemNotFound"),
                new Case("other user without Shared scope", aRw, "/v1.0/users/" + b + "/events/" + eB, 403, "ErrorAccessDenied"),
                new Case("other user's calendar shared with write", aShared, "/v1.0/users/" + b + "/events/" + eBshared, 201, null),
                new Case("other user's calendar that is not shared", aShared, "/v1.0/users/" + b + "/events/" + eBprivate, 403, "ErrorAccessDenied"),
                new Case("other user's event at a path where it is not", aShared, "/v1.0/users/" + b + "/calendars/X/events/" + eB, 404, "ErrorItemNotFound"),
                new Case("app with the role on a user", app, "/v1.0/users/" + a + "/events/" + eA, 201, null),
                new Case("app without the role", appNoRole, "/v1.0/users/" + a + "/events/" + eA, 403, "ErrorAccessDenied"),
                new Case("app on /me", app, "/v1.0/me/events/" + eA, 400, "BadRequest"),
                new Case("app on a group", app, "/v1.0/groups/G1/events/" + eG, 403, "ErrorAccessDenied"),
                new Case("group member by claim", member, "/v1.0/groups/G1/events/" + eG, 201, null),
                new Case("group member by registry", registryMember, "/v1.0/groups/G1/calendar/events/" + eG, 201, null),
                new Case("not a member", nonMember, "/v1.0/groups/G1/events/" + eG, 403, "ErrorAccessDenied"),
                new Case("group route without Group scope", aRw, "/v1.0/groups/G1/events/" + eG, 403, "ErrorAccessDenied"),
                new Case("group event via another group", member, "/v1.0/groups/G2/events/" + eG, 404, "ErrorItemNotFound"),
                new Case("missing event", aRw, "/v1.0/me/events/AAMk" + UUID.randomUUID(), 404, "ErrorItemNotFound"),
                new Case("another tenant's event id", aRw, "/v1.0/me/events/" + eOther, 404, "ErrorItemNotFound"),
                new Case("another tenant's event via /users", app, "/v1.0/users/" + a + "/events/" + eOther, 404, "ErrorItemNotFound"),
                new Case("deleted event", aRw, "/v1.0/me/events/" + eDeleted, 404, "ErrorItemNotFound"));

        List<String> failures = new ArrayList<>();
        int created = 0;
        for (Case c : cases) {
            var response = given().auth().oauth2(c.token()).contentType("application/json").body(FILE)
                    .post(c.path() + "/attachments");
            String code = c.status() == 201 ? null : response.path("error.code");
            if (response.statusCode() != c.status() || c.code() != null && !c.code().equals(code)) {
                failures.add(c.name() + ": expected " + c.status() + " " + c.code() + ", got " + response.statusCode()
                        + " " + response.asString());
            }
            created += response.statusCode() == 201 ? 1 : 0;
        }

        for (String read : List.of("/v1.0/me/events/" + eA + "/attachments", "/v1.0/me/events/" + eA)) {
            var response = given().auth().oauth2(impostor).get(read);
            if (response.statusCode() != 404 || !"ErrorItemNotFound".equals(response.path("error.code"))) {
                failures.add("impostor reading " + read + ": expected 404, got " + response.statusCode() + " "
                        + response.asString());
            }
        }

        assertThat(failures).isEmpty();
        int expected = created;
        assertThat(StackClients.settledObjectKeys(tenant + "/", keys -> keys.size() == expected))
                .as("objects of the attachments created, no more")
                .hasSize(created);
        assertThat(StackClients.objectKeys(otherTenant + "/")).isEmpty();
    }
}
