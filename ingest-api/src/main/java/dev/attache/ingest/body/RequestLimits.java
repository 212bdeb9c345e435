package dev.attache.ingest.body;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The request size limit. Graph refuses requests over 4 MB; base64 makes that a file of about 3 MB, which is also
 * Graph's per-attachment limit, so one limit on the request covers both.
 */
@ApplicationScoped
public class RequestLimits {

    private final long maxRequestBytes;

    RequestLimits(@ConfigProperty(name = "attache.ingest.max-request-bytes") long maxRequestBytes) {
        this.maxRequestBytes = maxRequestBytes;
    }

    public long maxRequestBytes() {
        return maxRequestBytes;
    }

    /** Whether a {@code Content-Length} value announces more than the limit (an unparsable one counts as more). */
    public boolean exceeds(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxRequestBytes;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    public String tooLargeMessage() {
        return "The maximum request length supported is " + (maxRequestBytes / (1024 * 1024)) + "MB.";
    }
}
