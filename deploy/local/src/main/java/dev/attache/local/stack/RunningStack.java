package dev.attache.local.stack;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;

/**
 * What has been started so far, stopped in reverse order: apps before the servers they use, S3 before Kafka.
 *
 * <p>Both the shutdown hook (Ctrl-C, SIGTERM, parent exit) and a failed start-up close it, possibly at once; the
 * second caller waits for the first to finish, so the JVM does not halt mid-shutdown.
 */
public final class RunningStack implements AutoCloseable {

    private record Part(String name, AutoCloseable component) {
    }

    private final Deque<Part> parts = new ArrayDeque<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private boolean closing;

    /**
     * Takes ownership of {@code component}. If the stack is already closing (Ctrl-C during start-up), the
     * component is closed at once and start-up is aborted.
     */
    public <T extends AutoCloseable> T add(String name, T component) throws Exception {
        synchronized (this) {
            if (!closing) {
                parts.push(new Part(name, component));
                return component;
            }
        }
        component.close();
        throw new IllegalStateException("shutting down; " + name + " stopped again");
    }

    public boolean isClosing() {
        synchronized (this) {
            return closing;
        }
    }

    @Override
    public void close() throws InterruptedException {
        synchronized (this) {
            if (closing) {
                stopped.await();
                return;
            }
            closing = true;
        }
        try {
            Part part;
            while ((part = poll()) != null) {
                try {
                    part.component().close();
                } catch (Exception e) {
                    // keep going: a failed app stop must not leave the broker running
                    System.err.println("attache: stopping " + part.name() + " failed: " + e);
                }
            }
        } finally {
            stopped.countDown();
        }
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    private synchronized Part poll() {
        return parts.poll();
    }
}
