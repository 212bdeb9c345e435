package dev.attache.system;

import java.util.Locale;

/**
 * What one fault did, as the table in docs/operations.md shows it: what the clients were told, and what the stack kept.
 *
 * @param noAnswer requests that got no HTTP answer at all (the app was away): the client was told nothing, so nothing
 *     was promised
 * @param lost     {@code 201}/{@code 202} ids that could not be read afterwards
 * @param duplicates attachments stored more than once under one request's name
 * @param recoverySeconds from the fault (or, for a component stopped on purpose, from its restart) to the first
 *     {@code 201} of a request sent after it
 */
record FaultOutcome(String fault, int sent, int created, int accepted, int unavailable, int noAnswer, int other,
        int lost, int duplicates, int orphansBefore, int orphansAfter, double recoverySeconds) {

    /** A row of the table: fault, sent, 201 / 202 / 503, no answer, lost, duplicates, orphans, seconds. */
    String row() {
        return String.format(Locale.ROOT, "| %s | %d | %d / %d / %d | %d | %d | %d | %d / %d | %.1f |", fault, sent,
                created, accepted, unavailable, noAnswer, lost, duplicates, orphansBefore, orphansAfter,
                recoverySeconds);
    }
}
