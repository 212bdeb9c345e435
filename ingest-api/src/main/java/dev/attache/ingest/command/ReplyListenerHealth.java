package dev.attache.ingest.command;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * The reply listener's health: not ready until replies can be received (a command sent earlier could not be
 * answered); not live once it has stopped or kept failing past {@code attache.ingest.reply-listener-stuck-after}.
 */
final class ReplyListenerHealth {

    private ReplyListenerHealth() {
    }

    static HealthCheckResponse of(ReplyListener listener, boolean up) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka-replies").status(up)
                .withData("topic", listener.topic());
        if (listener.lastFailure() != null) {
            response.withData("lastFailure", listener.lastFailure());
        }
        return response.build();
    }

    @Readiness
    @ApplicationScoped
    static class Ready implements HealthCheck {

        private final ReplyListener listener;

        Ready(ReplyListener listener) {
            this.listener = listener;
        }

        @Override
        public HealthCheckResponse call() {
            return of(listener, listener.isReady());
        }
    }

    @Liveness
    @ApplicationScoped
    static class Live implements HealthCheck {

        private final ReplyListener listener;

        Live(ReplyListener listener) {
            this.listener = listener;
        }

        @Override
        public HealthCheckResponse call() {
            return of(listener, listener.isLive());
        }
    }
}
