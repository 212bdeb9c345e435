package dev.attache.bench.report;

import dev.attache.bench.result.PayloadSizes;

import java.util.Locale;

/**
 * How the report writes numbers, in one place so the tables and the target texts agree. {@link Locale#ROOT}, so
 * a report does not change with the locale of the machine that ran it.
 */
final class Figures {

    /** What a table shows where a value was not measured or cannot be computed. */
    static final String MISSING = "–";

    static final long KIB = 1024;
    static final long MIB = 1024 * KIB;
    static final long GIB = 1024 * MIB;

    private Figures() {
    }

    /** Rates, MiB/s and milliseconds: one decimal, as finer would be below run-to-run noise. */
    static String decimal(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.1f", value) : MISSING;
    }

    /** A difference, signed so that "slower" and "faster" read apart. */
    static String signed(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%+.1f", value) : MISSING;
    }

    /** Two decimals: with one, a miss such as 0.76 would read as the 0.8 it missed. */
    static String ratio(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f", value) : MISSING;
    }

    static String percent(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f %%", share * 100) : MISSING;
    }

    static String mebibytes(long bytes) {
        return decimal((double) bytes / MIB);
    }

    static String gibibytes(long bytes) {
        return decimal((double) bytes / GIB);
    }

    static String size(long bytes) {
        return PayloadSizes.label(bytes);
    }
}
