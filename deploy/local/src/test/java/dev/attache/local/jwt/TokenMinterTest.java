package dev.attache.local.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens verify with the published public key and carry the claims Entra ID puts in Graph tokens. */
class TokenMinterTest {

    private static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");

    @TempDir
    static Path keyDir;

    static SigningKeys keys;
    static TokenMinter minter;

    @BeforeAll
    static void keys() throws Exception {
        keys = SigningKeys.loadOrCreate(keyDir);
        minter = new TokenMinter(keys.privateKey(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aDelegatedTokenNamesTheUserAndCarriesScopesAsAString() throws Exception {
        JwtClaims claims = verify(minter.mint(TokenRequest.delegatedDefaults()));

        assertCommonClaims(claims, DevIdentity.USER_OBJECT_ID);
        assertThat(claims.getStringClaimValue("idtyp")).isEqualTo("user");
        assertThat(claims.getStringClaimValue("upn")).isEqualTo(DevIdentity.USER_UPN);
        assertThat(claims.getStringClaimValue("preferred_username")).isEqualTo(DevIdentity.USER_UPN);
        assertThat(claims.getClaimValue("scp")).isEqualTo("Calendars.ReadWrite");
        assertThat(claims.hasClaim("roles")).isFalse();
    }

    @Test
    void aDelegatedTokenCanCarryGroups() throws Exception {
        TokenRequest user = TokenRequest.delegatedDefaults();
        TokenRequest request = new TokenRequest(false, user.issuer(), user.tenantId(), user.objectId(), user.upn(),
                List.of("Calendars.ReadWrite", "Group.ReadWrite.All"), user.appId(), Duration.ofMinutes(5),
                List.of("g1", "g2"));

        JwtClaims claims = verify(minter.mint(request));

        assertThat(claims.getStringListClaimValue("groups")).containsExactly("g1", "g2");
        assertThat(claims.getStringClaimValue("scp")).isEqualTo("Calendars.ReadWrite Group.ReadWrite.All");
    }

    @Test
    void anAppOnlyTokenCarriesRolesAsAnArrayAndNoUser() throws Exception {
        TokenRequest app = TokenRequest.appOnlyDefaults();
        TokenRequest request = new TokenRequest(true, app.issuer(), app.tenantId(), app.objectId(), null,
                List.of("Calendars.ReadWrite", "Calendars.Read"), app.appId(), Duration.ofMinutes(5), List.of());
        JwtClaims claims = verify(minter.mint(request));

        assertCommonClaims(claims, DevIdentity.APP_OBJECT_ID);
        assertThat(claims.getStringClaimValue("idtyp")).isEqualTo("app");
        assertThat(claims.getStringListClaimValue("roles")).containsExactly("Calendars.ReadWrite", "Calendars.Read");
        assertThat(claims.hasClaim("scp")).isFalse();
        assertThat(claims.hasClaim("upn")).isFalse();
        assertThat(claims.getExpirationTime().getValue()).isEqualTo(NOW.plus(Duration.ofMinutes(5)).getEpochSecond());
    }

    @Test
    void theKeyPairIsWrittenAsPemAndReusedAfterwards() throws Exception {
        assertThat(Files.readString(keys.privateKeyFile())).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.readString(keys.publicKeyFile())).startsWith("-----BEGIN PUBLIC KEY-----");

        SigningKeys again = SigningKeys.loadOrCreate(keyDir);
        assertThat(again.publicKey()).isEqualTo(keys.publicKey());
        assertThat(again.privateKey()).isEqualTo(keys.privateKey());
    }

    private static void assertCommonClaims(JwtClaims claims, String objectId) throws Exception {
        assertThat(claims.getIssuer()).isEqualTo(DevIdentity.ISSUER);
        assertThat(claims.getAudience()).containsExactly(DevIdentity.AUDIENCE);
        assertThat(claims.getStringClaimValue("tid")).isEqualTo(DevIdentity.TENANT_ID);
        assertThat(claims.getStringClaimValue("oid")).isEqualTo(objectId);
        assertThat(claims.getSubject()).isEqualTo(objectId);
        assertThat(claims.getStringClaimValue("appid")).isEqualTo(DevIdentity.APP_ID);
        assertThat(claims.getJwtId()).isNotBlank();
        assertThat(claims.getIssuedAt().getValue()).isEqualTo(NOW.getEpochSecond());
        assertThat(claims.getNotBefore().getValue()).isEqualTo(NOW.getEpochSecond());
    }

    /** Verifies as ingest-api will: RS256 only, with the public key read back from public.pem. */
    private static JwtClaims verify(String token) throws Exception {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKey(SigningKeys.loadOrCreate(keyDir).publicKey())
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setExpectedIssuer(DevIdentity.ISSUER)
                .setExpectedAudience(DevIdentity.AUDIENCE)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireJwtId()
                .setEvaluationTime(NumericDate.fromSeconds(NOW.getEpochSecond() + 1))
                .build();
        return consumer.processToClaims(token);
    }
}
