package dev.attache.processor.objects;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The orphan sweep's settings ({@code ATTACHE_SWEEP_*} environment variables). */
@ConfigMapping(prefix = "attache.sweep")
public interface SweepConfig {

    /** How old an object nothing references must be before the sweep deletes it. */
    @WithDefault("1H")
    Duration grace();

    /**
     * The longest a command can be appended after its object was written: ingest-api's wait for its reply listener
     * ({@code attache.ingest.reply-timeout}, 10 s at most, only when it is not positioned), then the producer's
     * {@code max.block.ms} (10 s) plus {@code delivery.timeout.ms} (15 s): 35 s, with a margin.
     */
    @WithDefault("60S")
    Duration appendSlack();

    /** How often the instance that holds partition 0 of the commands sweeps; {@code off} never. */
    @WithDefault("15M")
    String every();
}
