package dev.attache.ingest.query;

import java.nio.charset.StandardCharsets;

/** Percent-encoding of query option values (RFC 3986; a space is {@code %20}, never {@code +}). */
final class QueryStrings {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** Characters a query value may carry unencoded in a link we build, besides the unreserved ones. */
    private static final String LINK_SAFE = "$'(),/:@!*";

    private QueryStrings() {
    }

    /** Encodes all but the unreserved characters: for Olingo, which splits on {@code &} and {@code =} first. */
    static String encodeStrict(String value) {
        return encode(value, "");
    }

    /** Encodes for a link a client follows: readable ({@code $select=id,name}), still decoded back exactly. */
    static String encodeForLink(String value) {
        return encode(value, LINK_SAFE);
    }

    private static String encode(String value, String alsoSafe) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0 || alsoSafe.indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return out.toString();
    }
}
