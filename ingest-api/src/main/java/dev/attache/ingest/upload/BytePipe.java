package dev.attache.ingest.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded in-memory pipe from the request thread (decoding the body) to the upload thread (the S3 client reading
 * its input). Unlike {@code java.io.PipedInputStream} either side can end it with a failure the other side sees at
 * once: the writer aborts a bad body so the upload fails instead of storing a truncated object, and a failed upload
 * stops the writer instead of leaving it blocked.
 */
final class BytePipe {

    private final byte[] ring;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition readable = lock.newCondition();
    private final Condition writable = lock.newCondition();
    private int head;
    private int size;
    private boolean finished;
    private IOException writerFailure;
    private IOException readerFailure;

    BytePipe(int capacity) {
        this.ring = new byte[capacity];
    }

    /** The writing end: {@code close()} means complete. */
    OutputStream sink() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                put(b, off, len);
            }

            @Override
            public void close() {
                finish();
            }
        };
    }

    /** The reading end, for the upload. */
    InputStream source() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return take(b, off, len);
            }

            @Override
            public void close() {
                failReader(new IOException("The upload stopped reading"));
            }
        };
    }

    /** Ends the pipe with a failure: the reader's next read throws it. */
    void abort(IOException cause) {
        lock.lock();
        try {
            if (!finished) {
                writerFailure = cause;
            }
            readable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void finish() {
        lock.lock();
        try {
            finished = true;
            readable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void failReader(IOException cause) {
        lock.lock();
        try {
            if (readerFailure == null) {
                readerFailure = cause;
            }
            writable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void put(byte[] b, int off, int len) throws IOException {
        lock.lock();
        try {
            while (len > 0) {
                while (size == ring.length && readerFailure == null) {
                    writable.awaitUninterruptibly();
                }
                if (readerFailure != null) {
                    throw readerFailure;
                }
                int tail = (head + size) % ring.length;
                int n = Math.min(len, Math.min(ring.length - size, ring.length - tail));
                System.arraycopy(b, off, ring, tail, n);
                size += n;
                off += n;
                len -= n;
                readable.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private int take(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        lock.lock();
        try {
            while (size == 0 && !finished && writerFailure == null) {
                readable.awaitUninterruptibly();
            }
            if (writerFailure != null) {
                throw writerFailure;
            }
            if (size == 0) {
                return -1;
            }
            int n = Math.min(len, Math.min(size, ring.length - head));
            System.arraycopy(ring, head, b, off, n);
            head = (head + n) % ring.length;
            size -= n;
            writable.signalAll();
            return n;
        } finally {
            lock.unlock();
        }
    }
}
