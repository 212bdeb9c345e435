package dev.attache.local.process;

import java.nio.file.Path;
import java.util.Map;

/**
 * How to run one of the Quarkus apps as a child JVM.
 *
 * @param name        {@code processor} or {@code ingest-api}, for messages
 * @param jar         its {@code quarkus-run.jar}
 * @param port        the HTTP port it is told to listen on (the readiness probe asks there)
 * @param environment added to this JVM's environment; Quarkus maps e.g. {@code QUARKUS_HTTP_PORT} to its config
 * @param logFile     where its stdout and stderr go
 */
public record AppLaunch(String name, Path jar, int port, Map<String, String> environment, Path logFile) {

    public AppLaunch {
        environment = Map.copyOf(environment);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
