package dev.attache.system;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A steady stream of uploads to one event: {@code inFlight} clients, each sending its next request as soon as the
 * last is answered, every attachment under a name of its own, so what the stack kept can be told apart later.
 */
final class SteadyLoad implements AutoCloseable {

    /** One request: its name, when it was sent and answered (nanoTime), and the answer. */
    record Sent(String name, long sentAt, long answeredAt, Pipeline.Answer answer) {
    }

    private final Pipeline pipeline;
    private final String event;
    private final String prefix;
    private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger counter = new AtomicInteger();
    private final AtomicBoolean halt = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> clients = new ArrayList<>();

    SteadyLoad(Pipeline pipeline, String event, String prefix, int inFlight) {
        this.pipeline = pipeline;
        this.event = event;
        this.prefix = prefix;
        for (int i = 0; i < inFlight; i++) {
            Thread client = new Thread(this::run, "load-" + prefix + "-" + i);
            client.setDaemon(true);
            clients.add(client);
            client.start();
        }
    }

    /** The next request is named so that ingest-api halts after its upload. */
    void haltOnNext() {
        halt.set(true);
    }

    private void run() {
        while (running.get()) {
            String name = (halt.getAndSet(false) ? FaultStack.HALT : "") + prefix + "-" + counter.incrementAndGet()
                    + ".txt";
            long sentAt = System.nanoTime();
            Pipeline.Answer answer = pipeline.add(event, name);
            sent.add(new Sent(name, sentAt, System.nanoTime(), answer));
            if (answer.status() == 0) {
                // nothing answered (the app is away): do not spin
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100); // pacing a client whose server is gone, not synchronisation
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The requests answered so far. */
    List<Sent> snapshot() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    /** How many requests have been answered so far (any answer). */
    int answered() {
        return sent.size();
    }

    /** Stops the clients and answers every request they sent. */
    List<Sent> stop() throws InterruptedException {
        running.set(false);
        for (Thread client : clients) {
            client.join(60_000);
        }
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
