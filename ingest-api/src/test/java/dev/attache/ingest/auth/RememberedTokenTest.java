package dev.attache.ingest.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import dev.attache.ingest.support.Events;
import dev.attache.ingest.support.PipelineStack;
import dev.attache.ingest.support.StackClients;
import dev.attache.ingest.support.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Accepted tokens are remembered, but never past their exp, and never for a token that differs in any way. */
@QuarkusTest
@QuarkusTestResource(PipelineStack.class)
class RememberedTokenTest {

    static final String FILE = "{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"a.txt\","
            + "\"contentBytes\":\"AQID\"}";

    @Inject
    VerifiedTokens verified;

    /** smallrye-jwt accepts a token this long after its exp (mp.jwt.verify.clock.skew; its default is 60 s). */
    static Duration clockSkew() {
        return Duration.ofSeconds(ConfigProvider.getConfig()
                .getOptionalValue("mp.jwt.verify.clock.skew", Integer.class).filter(s -> s > 0).orElse(60));
    }

    /** Waits until the clock has passed {@code instant}: expiry is a matter of time, so time is the condition. */
    static void awaitPast(Instant instant) throws InterruptedException {
        Instant deadline = instant.plusSeconds(10);
        while (!Instant.now().isAfter(instant)) {
            assertThat(Instant.now()).as("clock still before " + instant).isBefore(deadline);
            Thread.sleep(Math.max(1, Duration.between(Instant.now(), instant).toMillis() + 1));
        }
    }

    static void refused(String token, String path) {
        given().auth().oauth2(token).contentType("application/json").body(FILE).post(path)
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("error.code", equalTo("InvalidAuthenticationToken"));
    }

    @Test
    void anAcceptedTokenIsRefusedOnceItHasExpired() throws Exception {
        String tenant = Tokens.newTenant();
        // exp is in whole seconds; a few of them leave time to use the token before it runs out
        Instant exp = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
        String token = Tokens.sign(Tokens.delegated(tenant, UUID.randomUUID().toString()).expiresAt(exp));
        String path = "/v1.0/me/events/" + Events.create(token, "/v1.0/me/events") + "/attachments";
        given().auth().oauth2(token).contentType("application/json").body(FILE).post(path).then().statusCode(201);
        assertThat(verified.caller(token)).as("remembered once accepted").isPresent();

        awaitPast(exp.plus(clockSkew()));

        refused(token, path);
        given().auth().oauth2(token).contentType("application/json").body(FILE).post(path).then()
                .body("error.message", containsString("expired"));
        assertThat(verified.caller(token)).as("remembered after its exp").isEmpty();
        assertThat(StackClients.objectKeys(tenant + "/")).as("only the add made before exp").hasSize(1);
    }

    @Test
    void aTamperedCopyOfAnAcceptedTokenIsRefused() throws Exception {
        String tenant = Tokens.newTenant();
        String oid = UUID.randomUUID().toString();
        String token = Tokens.sign(Tokens.delegated(tenant, oid));
        String path = "/v1.0/me/events/" + Events.create(token, "/v1.0/me/events") + "/attachments";
        assertThat(verified.caller(token)).as("remembered once accepted").isPresent();
        String[] parts = token.split("\\.");
        // one character of the signature's middle changed (the last one may carry only unused bits)
        char[] signature = parts[2].toCharArray();
        int middle = signature.length / 2;
        signature[middle] = signature[middle] == 'A' ? 'B' : 'A';
        String otherSignature = parts[0] + "." + parts[1] + "." + new String(signature);
        // the same signature over claims that name someone else
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(oid, UUID.randomUUID().toString());
        String otherCaller = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        refused(otherSignature, path);
        refused(otherCaller, path);

        assertThat(StackClients.objectKeys(tenant + "/")).isEmpty();
        // the accepted token itself is still good: the refusals above were about the copies
        given().auth().oauth2(token).contentType("application/json").body(FILE).post(path).then().statusCode(201);
    }
}
