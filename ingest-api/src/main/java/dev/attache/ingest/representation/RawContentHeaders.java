package dev.attache.ingest.representation;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The headers of an attachment's raw content ({@code …/$value}), chosen so that uploaded content cannot run on this
 * service's origin: a stored {@code text/html} or {@code image/svg+xml} served inline would be a stored XSS.
 *
 * <ul>
 *   <li>{@code X-Content-Type-Options: nosniff} always: the browser takes the type as sent, never guesses a more
 *       active one from the bytes;</li>
 *   <li>a short allow-list of passive types (raster images, PDF, plain text, audio, video) is shown inline;</li>
 *   <li>everything else is a download ({@code Content-Disposition: attachment}) and, should a browser render it
 *       anyway, sandboxed ({@code Content-Security-Policy: sandbox}: no scripts, a unique origin).</li>
 * </ul>
 *
 * The file name travels as RFC 6266 {@code filename*} (RFC 8187 UTF-8 percent-encoding) with an ASCII
 * {@code filename} fallback, so no character of a name can break out of the header.
 */
public final class RawContentHeaders {

    static final Set<String> PASSIVE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp",
            "image/avif", "image/tiff", "application/pdf", "text/plain");

    private RawContentHeaders() {
    }

    /** The headers for content of {@code contentType} named {@code fileName}, in the order to send them. */
    public static Map<String, String> of(String contentType, String fileName) {
        boolean passive = isPassive(contentType);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Content-Disposition", (passive ? "inline" : "attachment") + filename(fileName));
        if (!passive) {
            headers.put("Content-Security-Policy", "sandbox");
        }
        return headers;
    }

    /** Whether a browser can only display {@code contentType}, never execute it. */
    static boolean isPassive(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String type = (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim()
                .toLowerCase(Locale.ROOT);
        return PASSIVE.contains(type) || type.startsWith("audio/") || type.startsWith("video/");
    }

    private static String filename(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        return "; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''" + percentEncoded(name);
    }

    /** Printable ASCII but the quote and backslash, which a quoted-string would need escaped; the rest as {@code _}. */
    private static String asciiFallback(String name) {
        StringBuilder fallback = new StringBuilder(name.length());
        name.codePoints().forEach(c -> fallback.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\'
                ? (char) c : '_'));
        return fallback.toString();
    }

    /** RFC 8187 {@code value-chars}: attr-chars as they are, every other UTF-8 byte as {@code %XX}. */
    private static String percentEncoded(String name) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return encoded.toString();
    }
}
