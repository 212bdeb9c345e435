package dev.attache.processor.rules;

import static dev.attache.processor.rules.OrphanRules.Verdict.AWAITING_PROCESSOR;
import static dev.attache.processor.rules.OrphanRules.Verdict.LIVE;
import static dev.attache.processor.rules.OrphanRules.Verdict.ORPHAN;
import static dev.attache.processor.rules.OrphanRules.Verdict.TOO_YOUNG;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class OrphanRulesTest {

    static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    static final OrphanRules.Limits LIMITS = new OrphanRules.Limits(Duration.ofHours(1), Duration.ofMinutes(1));

    static OrphanRules.Verdict of(Duration age, boolean referenced, Instant processedUntil) {
        return OrphanRules.verdict(NOW.minus(age), referenced, processedUntil, NOW, LIMITS);
    }

    @Test
    void aReferencedObjectIsLiveHoweverOld() {
        assertThat(of(Duration.ofDays(400), true, NOW)).isEqualTo(LIVE);
    }

    @Test
    void anUnreferencedObjectWithinTheGraceIsLeftAlone() {
        assertThat(of(Duration.ofMinutes(59), false, NOW)).isEqualTo(TOO_YOUNG);
        assertThat(of(Duration.ofMinutes(61), false, NOW)).isEqualTo(ORPHAN);
    }

    @Test
    void anObjectWhoseCommandMayStillWaitForTheProcessorIsKept() {
        // the processor is two hours behind: a command for a 90-minute-old object may be in the log, unprocessed
        Instant twoHoursBehind = NOW.minus(Duration.ofHours(2));
        assertThat(of(Duration.ofMinutes(90), false, twoHoursBehind)).isEqualTo(AWAITING_PROCESSOR);
        assertThat(of(Duration.ofMinutes(121), false, twoHoursBehind)).as("inside the append slack")
                .isEqualTo(AWAITING_PROCESSOR);
        assertThat(of(Duration.ofMinutes(122), false, twoHoursBehind)).isEqualTo(ORPHAN);
    }
}
