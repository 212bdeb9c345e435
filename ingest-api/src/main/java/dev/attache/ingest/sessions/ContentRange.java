package dev.attache.ingest.sessions;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A slice's {@code Content-Range: bytes first-last/total} (RFC 9110 §14.4), as the Graph SDKs send it.
 *
 * @param first the offset of the slice's first byte
 * @param last the offset of its last byte (inclusive)
 * @param total the declared length of the whole file
 */
public record ContentRange(long first, long last, long total) {

    private static final Pattern FORM = Pattern.compile("\\s*bytes\\s+(\\d{1,18})-(\\d{1,18})/(\\d{1,18})\\s*",
            Pattern.CASE_INSENSITIVE);

    /** The range a header states, or empty when it is absent or not of that form (or ends before it starts). */
    public static Optional<ContentRange> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(header);
        if (!m.matches()) {
            return Optional.empty();
        }
        long first = Long.parseLong(m.group(1));
        long last = Long.parseLong(m.group(2));
        long total = Long.parseLong(m.group(3));
        return last < first ? Optional.empty() : Optional.of(new ContentRange(first, last, total));
    }

    /** How many bytes the slice has. */
    public long length() {
        return last - first + 1;
    }

    /** One past the slice's last byte: where the next one starts. */
    public long end() {
        return last + 1;
    }
}
