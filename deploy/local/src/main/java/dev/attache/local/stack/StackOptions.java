package dev.attache.local.stack;

import dev.attache.local.s3.S3Credentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What {@code attache up} was asked to start, and where. Ports of 0 mean "any free port".
 *
 * @param home         the repository root; the apps' jars are found under it
 * @param readyTimeout how long each app may take to report ready
 * @param appSettings  environment variables given to both apps on top of the stack's own (e.g.
 *                     {@code ATTACHE_SWEEP_EVERY=1M}); they win over the stack's
 */
public record StackOptions(
        Path home,
        StackLayout layout,
        Set<Service> services,
        int kafkaPort,
        int s3Port,
        int processorPort,
        int httpPort,
        int partitions,
        String bucket,
        String region,
        S3Credentials s3Credentials,
        String issuer,
        Duration readyTimeout,
        Map<String, String> appSettings) {

    public StackOptions {
        appSettings = Map.copyOf(appSettings);
        services = services.isEmpty() ? EnumSet.noneOf(Service.class) : EnumSet.copyOf(services);
        boolean appsWanted = services.stream().anyMatch(Service::isApp);
        if (appsWanted && !(services.contains(Service.KAFKA) && services.contains(Service.S3))) {
            throw new IllegalArgumentException("processor and ingest-api need kafka and s3: add them to --services");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("--partitions must be at least 1");
        }
    }

    public boolean wants(Service service) {
        return services.contains(service);
    }

    /** Fails before anything starts if an app was asked for but has not been built. */
    public void requireAppsBuilt() {
        for (Service service : services) {
            if (service.isApp() && !Files.isRegularFile(appJar(service))) {
                throw new IllegalStateException(appJar(service) + " is missing: build the apps first with"
                        + " `./mvnw -DskipTests package` in " + home);
            }
        }
    }

    /** {@code <home>/processor/target/quarkus-app/quarkus-run.jar} and the like. */
    public Path appJar(Service app) {
        return home.resolve(app.cliName()).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }
}
