package dev.attache.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    static final Caller ANN = new Caller("t1", "ann-oid", "ann@contoso.com", false, Set.of("Calendars.ReadWrite"),
            Set.of());
    static final Duration WAIT = Duration.ofSeconds(10);

    final VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofMinutes(5));

    /** Waits until the clock has passed {@code instant}: expiry is a matter of time, so time is the condition. */
    static void awaitPast(Instant instant) throws InterruptedException {
        Instant deadline = instant.plus(WAIT);
        while (!Instant.now().isAfter(instant)) {
            assertThat(Instant.now()).as("clock still before " + instant).isBefore(deadline);
            Thread.sleep(Math.max(1, Duration.between(Instant.now(), instant).toMillis() + 1));
        }
    }

    @Test
    void aRememberedTokenAnswersItsCaller() {
        tokens.accepted("header.claims.signature", ANN, Instant.now().plusSeconds(3600));

        assertThat(tokens.caller("header.claims.signature")).contains(ANN);
    }

    @Test
    void anUnknownTokenAnswersNothing() {
        tokens.accepted("header.claims.signature", ANN, Instant.now().plusSeconds(3600));

        assertThat(tokens.caller("header.claims.signaturf")).isEmpty();
        assertThat(tokens.caller("header.claims.signature.")).isEmpty();
        assertThat(tokens.caller("header.claims.")).isEmpty();
    }

    @Test
    void anEntryIsNotAnsweredOnceItsExpiryHasPassed() throws InterruptedException {
        Instant expires = Instant.now().plusMillis(1500);
        tokens.accepted("short-lived", ANN, expires);
        assertThat(tokens.caller("short-lived")).as("before its expiry").contains(ANN);

        awaitPast(expires);

        assertThat(tokens.caller("short-lived")).as("after its expiry").isEmpty();
    }

    @Test
    void anAlreadyExpiredTokenIsNotRemembered() {
        tokens.accepted("expired", ANN, Instant.now().minusSeconds(1));

        assertThat(tokens.caller("expired")).isEmpty();
    }

    /** attache.ingest.token-cache-ttl bounds how long a token is remembered even when it lives much longer. */
    @Test
    void noEntryOutlivesTheCacheTtl() throws InterruptedException {
        VerifiedTokens briefly = new VerifiedTokens(100, Duration.ofMillis(500));
        Instant accepted = Instant.now();
        briefly.accepted("long-lived", ANN, accepted.plusSeconds(3600));

        awaitPast(accepted.plusMillis(600));

        assertThat(briefly.caller("long-lived")).isEmpty();
    }
}
