package dev.attache.schemas.attachment;

import java.util.Optional;

/**
 * The limits every client-supplied string of a command keeps, checked by ingest-api before anything is stored and
 * again by the processor for any other producer. A string that passes fits a header, a file name and a log line:
 * no control characters (they end up in {@code Content-Disposition}, file names and logs), no unpaired surrogates
 * (not text at all: they cannot be encoded as UTF-8), and a bounded length in code points, so that no valid request
 * makes a command larger than the commands topic takes.
 *
 * @param maxCodePoints the longest value accepted
 * @param multiline whether tab, line feed and carriage return are allowed (an event's body)
 * @param noBidiControls whether the bidirectional formatting characters are refused too: in a file name
 *     {@code U+202E} shows {@code evil\u202Efdp.exe} as {@code evilexe.pdf}
 */
public record TextField(int maxCodePoints, boolean multiline, boolean noBidiControls) {

    /** Display names: the attachment's {@code name}. */
    public static final TextField NAME = new TextField(255, false, true);
    /** Short values: {@code contentType}, {@code contentId}, {@code @odata.type}, an event's subject, time zones. */
    public static final TextField SHORT = new TextField(255, false, false);
    /** Longer single lines: an event's location and organizer. */
    public static final TextField LINE = new TextField(1024, false, false);
    /** URLs of reference attachments. */
    public static final TextField URL = new TextField(2048, false, false);
    /** An event's body: the whole event body is bounded by the front's limit, so only the characters are. */
    public static final TextField BODY = new TextField(64 * 1024, true, false);

    /** Why {@code value} of {@code property} is not acceptable, as a sentence for the client; empty when it is. */
    public Optional<String> defect(String property, String value) {
        if (value == null) {
            return Optional.empty();
        }
        int codePoints = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (pair) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("The property '" + property + "' contains an unpaired surrogate (not text).");
            } else if (Character.getType(c) == Character.CONTROL && !(multiline && isLineControl(c))) {
                return Optional.of(String.format("The property '%s' contains the control character U+%04X.", property,
                        (int) c));
            } else if (noBidiControls && isBidiControl(c)) {
                return Optional.of(String.format("The property '%s' contains the bidirectional formatting character "
                        + "U+%04X.", property, (int) c));
            }
            codePoints++;
        }
        if (codePoints > maxCodePoints) {
            return Optional.of("The property '" + property + "' must be at most " + maxCodePoints
                    + " characters; it has " + codePoints + ".");
        }
        return Optional.empty();
    }

    private static boolean isLineControl(char c) {
        return c == '\t' || c == '\n' || c == '\r';
    }

    /** U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069: what reorders the text around it. */
    private static boolean isBidiControl(char c) {
        return c == '\u061C' || c == '\u200E' || c == '\u200F' || c >= '\u202A' && c <= '\u202E'
                || c >= '\u2066' && c <= '\u2069';
    }
}
