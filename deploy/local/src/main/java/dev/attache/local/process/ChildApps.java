package dev.attache.local.process;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The child apps of one {@code up}, supervised: an app that exits on its own (a crash, a {@code kill -9}) is started
 * again after the {@link RestartPolicy}'s back-off, with a console line for the exit and one for its return; one that
 * cannot come back (too many restarts, or not ready in time after one) ends the whole stack through
 * {@code onGiveUp}. All are stopped together: SIGTERM to each at once, then each is awaited.
 */
public final class ChildApps implements AutoCloseable {

    private final RestartPolicy policy;
    private final Duration readyTimeout;
    private final PrintStream console;
    private final Runnable onGiveUp;
    private final Clock clock;
    private final Map<String, ChildApp> running = new LinkedHashMap<>();
    private final Map<String, List<Instant>> restarts = new HashMap<>();
    private final ScheduledExecutorService restarter = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "attache-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private boolean closed;

    /**
     * @param readyTimeout how long a restarted app may take to become ready
     * @param console      where the supervision's lines go (the terminal of {@code up})
     * @param onGiveUp     what ends everything once an app cannot come back
     */
    public ChildApps(RestartPolicy policy, Duration readyTimeout, PrintStream console, Runnable onGiveUp,
            Clock clock) {
        this.policy = policy;
        this.readyTimeout = readyTimeout;
        this.console = console;
        this.onGiveUp = onGiveUp;
        this.clock = clock;
    }

    /** Starts {@code launch} under supervision; refuses once {@link #close()} has begun (Ctrl-C during start-up). */
    public synchronized ChildApp start(AppLaunch launch) throws IOException {
        if (closed) {
            throw new IllegalStateException("shutting down; not starting " + launch.name());
        }
        ChildApp app = ChildApp.start(launch);
        running.put(launch.name(), app);
        app.unexpectedExit().thenAccept(code -> exited(launch, code));
        return app;
    }

    /** The process id of the app called {@code name} as it runs now (a restart gives it a new one). */
    public synchronized OptionalLong pid(String name) {
        ChildApp app = running.get(name);
        return app == null ? OptionalLong.empty() : OptionalLong.of(app.pid());
    }

    private synchronized void exited(AppLaunch launch, int code) {
        if (closed) {
            return;
        }
        List<Instant> earlier = restarts.computeIfAbsent(launch.name(), name -> new ArrayList<>());
        Optional<Duration> delay = policy.nextDelay(earlier, clock.instant());
        if (delay.isEmpty()) {
            say("%s exited with code %d, its %d%s time in %d min; not restarting it: stopping everything (see %s)",
                    launch.name(), code, earlier.size() + 1, ordinal(earlier.size() + 1), policy.window().toMinutes(),
                    launch.logFile());
            giveUp();
            return;
        }
        say("%s exited with code %d; restarting it%s (see %s.1)", launch.name(), code,
                delay.get().isZero() ? "" : " in " + readable(delay.get()), launch.logFile());
        earlier.add(clock.instant().plus(delay.get()));
        restarter.schedule(() -> restart(launch), delay.get().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void restart(AppLaunch launch) {
        ChildApp app;
        try {
            app = start(launch);
        } catch (IOException | IllegalStateException e) {
            if (!isClosed()) {
                say("%s could not be started again (%s): stopping everything", launch.name(), e.getMessage());
                giveUp();
            }
            return;
        }
        long started = System.nanoTime();
        try {
            app.awaitReady(readyTimeout);
            say(String.format(Locale.ROOT, "%s is back: ready in %.1f s", launch.name(),
                    (System.nanoTime() - started) / 1e9));
        } catch (IllegalStateException e) {
            // it exited again before it was ready: its exit is seen and counted like the first one
            if (e.getCause() instanceof TimeoutException && !isClosed()) {
                say("%s was restarted but is not ready after %d s: stopping everything", launch.name(),
                        readyTimeout.toSeconds());
                giveUp();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void giveUp() {
        // on another thread: it ends up closing this, which waits for the restarter
        Thread stopper = new Thread(onGiveUp, "attache-give-up");
        stopper.start();
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    private void say(String format, Object... args) {
        console.println("attache: " + String.format(Locale.ROOT, format, args));
        console.flush();
    }

    private static String readable(Duration delay) {
        return delay.toMillis() < 1000 ? delay.toMillis() + " ms" : delay.toSeconds() + " s";
    }

    private static String ordinal(int n) {
        return n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    @Override
    public void close() throws InterruptedException {
        List<ChildApp> apps;
        synchronized (this) {
            closed = true;
            apps = List.copyOf(running.values());
        }
        restarter.shutdownNow();
        apps.forEach(ChildApp::requestStop);
        for (ChildApp app : apps) {
            app.close();
        }
    }
}
