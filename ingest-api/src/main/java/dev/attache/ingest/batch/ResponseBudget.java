package dev.attache.ingest.batch;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many bytes of item bodies one batch response may hold. A batch is answered as a whole, so its items' bodies
 * are held until the last one is done; a few bytes of request could otherwise ask for twenty 3 MB reads. Reads over
 * the budget are refused (sent alone, they would be streamed); a create's echo is never refused, since the create
 * happened whatever the answer says, and its echo is bounded by the request limit anyway.
 */
final class ResponseBudget {

    private final AtomicLong left;

    ResponseBudget(long bytes) {
        this.left = new AtomicLong(bytes);
    }

    /** A buffer for a read's body that stops being written past what is left. */
    ByteArrayOutputStream forRead() {
        long limit = left.get();
        return new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                if (count + (long) len > limit) {
                    throw new Exceeded();
                }
                super.write(b, off, len);
            }

            @Override
            public synchronized void write(int b) {
                if (count + 1L > limit) {
                    throw new Exceeded();
                }
                super.write(b);
            }
        };
    }

    /** Takes {@code bytes} of a read's body, or refuses them when another item took the rest meanwhile. */
    void takeForRead(long bytes) {
        if (left.addAndGet(-bytes) < 0) {
            left.addAndGet(bytes);
            throw new Exceeded();
        }
    }

    /** Takes what a create's echo holds, even past the budget. */
    void takeForCreate(long bytes) {
        left.addAndGet(-bytes);
    }

    /** A read's body would not fit. */
    static final class Exceeded extends RuntimeException {
        Exceeded() {
            super("batch response budget exceeded", null, false, false);
        }
    }
}
