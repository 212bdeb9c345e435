package dev.attache.ingest.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;

import dev.attache.schemas.graph.GraphErrorCodes;

/**
 * The limits of a request's line and headers, checked before routing so that their refusals carry Graph's error
 * body. Netty would refuse them itself, but with an empty body the SDKs cannot read (and with no hook to change
 * that), so its own limits ({@code quarkus.http.limits.*}) are set well above these and these fire first.
 *
 * @param maxUriLength the longest request target (path and query) accepted, in characters
 * @param maxHeaderBytes the most header bytes accepted, names and values together
 */
public record RequestShape(int maxUriLength, int maxHeaderBytes) {

    /** A refusal: status, Graph code, message. */
    public record Refusal(int status, String code, String message) {
    }

    /** Why a request with target {@code uri} and {@code headers} is refused, or empty when its shape is fine. */
    public Optional<Refusal> check(String uri, Iterable<Map.Entry<String, String>> headers) {
        if (uri.length() > maxUriLength) {
            return Optional.of(new Refusal(414, GraphErrorCodes.URI_TOO_LONG, "The request URL is " + uri.length()
                    + " characters long; at most " + maxUriLength + " are accepted."));
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : headers) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4; // ": " and CRLF
        }
        if (headerBytes > maxHeaderBytes) {
            return Optional.of(new Refusal(431, GraphErrorCodes.HEADERS_TOO_LARGE, "The request headers are "
                    + headerBytes + " bytes; at most " + maxHeaderBytes + " are accepted."));
        }
        int malformed = malformedEscape(uri);
        if (malformed >= 0) {
            return Optional.of(new Refusal(400, GraphErrorCodes.BAD_REQUEST, "The request URL has a malformed "
                    + "percent-encoding at character " + malformed + "."));
        }
        try {
            // what Quarkus checks (see IngestApiMain): spaces, non-ASCII, braces, pipes… are not a URI
            new URI(uri);
        } catch (URISyntaxException e) {
            return Optional.of(new Refusal(400, GraphErrorCodes.BAD_REQUEST, "The request URL is not a valid URI: "
                    + e.getReason() + " at character " + e.getIndex() + "."));
        }
        return Optional.empty();
    }

    /** The index of the first {@code %} not followed by two hex digits, or -1. */
    static int malformedEscape(String uri) {
        for (int i = uri.indexOf('%'); i >= 0; i = uri.indexOf('%', i + 1)) {
            if (i + 2 >= uri.length() || Character.digit(uri.charAt(i + 1), 16) < 0
                    || Character.digit(uri.charAt(i + 2), 16) < 0) {
                return i;
            }
        }
        return -1;
    }
}
