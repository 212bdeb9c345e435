package dev.attache.ingest.body;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Stops reading a body at the request limit, whatever its headers said. */
public final class BoundedInputStream extends FilterInputStream {

    private final long limit;
    private long read;

    public BoundedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        // Ask for at most one byte past the limit: enough to know it was passed.
        int n = super.read(b, off, (int) Math.min(len, limit - read + 1));
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws RequestTooLargeException {
        read += n;
        if (read > limit) {
            throw new RequestTooLargeException();
        }
    }
}
