package dev.attache.local.process;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The child apps of one {@code up}, stopped together: all get SIGTERM at once, then each is awaited. */
public final class ChildApps implements AutoCloseable {

    private final List<ChildApp> apps = new ArrayList<>();
    private boolean closed;

    /** Starts {@code launch}; refuses once {@link #close()} has begun (Ctrl-C during start-up). */
    public synchronized ChildApp start(AppLaunch launch) throws IOException {
        if (closed) {
            throw new IllegalStateException("shutting down; not starting " + launch.name());
        }
        ChildApp app = ChildApp.start(launch);
        apps.add(app);
        return app;
    }

    @Override
    public void close() throws InterruptedException {
        List<ChildApp> running;
        synchronized (this) {
            closed = true;
            running = List.copyOf(apps);
        }
        running.forEach(ChildApp::requestStop);
        for (ChildApp app : running) {
            app.close();
        }
    }
}
