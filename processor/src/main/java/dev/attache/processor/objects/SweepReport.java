package dev.attache.processor.objects;

import java.time.Instant;

/**
 * What one sweep saw and did: the objects by verdict ({@code OrphanRules}), and how many orphans it deleted.
 *
 * @param processedUntil every command appended before it had been processed when the sweep looked
 */
public record SweepReport(boolean dryRun, Instant at, Instant processedUntil, int objects, int live, int tooYoung,
        int awaitingProcessor, int orphans, int deleted, long millis) {
}
