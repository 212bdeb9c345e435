package dev.attache.local.stack;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The parts of the local stack {@code up --services} can start, in start-up order. */
public enum Service {
    KAFKA("kafka"),
    S3("s3"),
    PROCESSOR("processor"),
    INGEST_API("ingest-api");

    private final String cliName;

    Service(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public boolean isApp() {
        return this == PROCESSOR || this == INGEST_API;
    }

    public static Service fromCliName(String name) {
        for (Service service : values()) {
            if (service.cliName.equalsIgnoreCase(name.trim())) {
                return service;
            }
        }
        throw new IllegalArgumentException("unknown service '" + name + "'; expected one of " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(Service::cliName).collect(Collectors.joining(","));
    }
}
