package dev.attache.ingest.lifecycle;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;

/**
 * Shuts the app down (gracefully) when the process that started it ends: {@code ./attache up} runs the apps as child
 * JVMs and sets {@code attache.parent-pid}, so a {@code kill -9} of {@code up}, which runs no shutdown hook, leaves no
 * app behind. Unset (Kubernetes, a container), nothing is watched.
 */
@ApplicationScoped
public class ParentWatch {

    private static final Logger LOG = Logger.getLogger(ParentWatch.class);

    void watch(@Observes StartupEvent started, @ConfigProperty(name = "attache.parent-pid") Optional<Long> parent) {
        parent.ifPresent(pid -> ProcessHandle.of(pid).ifPresentOrElse(
                handle -> handle.onExit().thenRun(() -> exit(pid)),
                () -> exit(pid)));
    }

    private static void exit(long pid) {
        LOG.warnf("The process that started this one (%d) is gone: shutting down", pid);
        Quarkus.asyncExit(0);
    }
}
