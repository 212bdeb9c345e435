package dev.attache.ingest.command;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until replies can be received: a command sent earlier could not be answered. */
@Readiness
@ApplicationScoped
public class ReplyListenerReadiness implements HealthCheck {

    private final ReplyListener listener;

    ReplyListenerReadiness(ReplyListener listener) {
        this.listener = listener;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("kafka-replies").status(listener.isPositioned())
                .withData("topic", listener.topic()).build();
    }
}
