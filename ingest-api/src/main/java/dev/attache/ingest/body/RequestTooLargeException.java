package dev.attache.ingest.body;

import java.io.IOException;

/** The body went past the request limit while being read (a body without, or with a false, Content-Length). */
public final class RequestTooLargeException extends IOException {

    RequestTooLargeException() {
        super("Request body over the limit", null);
    }
}
