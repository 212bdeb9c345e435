package dev.attache.processor.topology;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts processed commands by outcome: {@code attache_processor_commands_total{outcome=…}} in Prometheus. All
 * outcomes are registered up front so a dashboard sees zeros rather than missing series.
 */
public final class CommandOutcomes {

    public static final String METER = "attache.processor.commands";

    /** What happened to a command. */
    public enum Outcome {
        /** A new attachment, event or upload session was stored and published. */
        CREATED,
        /** The attachment or event already existed (a redelivered or replayed command): answered from the store. */
        DUPLICATE,
        /** Refused: invalid, not found or not allowed. An added attachment's object was discarded. */
        REJECTED,
        /** An attachment was deleted, or an event with its attachments, or an upload session ended. */
        DELETED,
        /** An upload session took a slice. */
        ADVANCED,
        /** The command could not be read as a version-1 command; nothing was changed. */
        UNPROCESSABLE;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);

    public CommandOutcomes(MeterRegistry registry) {
        for (Outcome outcome : Outcome.values()) {
            counters.put(outcome, Counter.builder(METER)
                    .description("Commands processed, by outcome")
                    .tag("outcome", outcome.tag())
                    .register(registry));
        }
    }

    void count(Outcome outcome) {
        counters.get(outcome).increment();
    }
}
