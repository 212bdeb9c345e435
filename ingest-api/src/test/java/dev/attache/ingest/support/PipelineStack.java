package dev.attache.ingest.support;

import java.util.Map;
import java.util.Properties;

import dev.attache.schemas.kafka.KafkaAccess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The real pipeline around the ingest-api under test — Kafka, S3 and the packaged processor — started once per test
 * JVM. By default the embedded stack ({@link LauncherStack}); with {@code -Ptestcontainers} (system property
 * {@value #BACKEND}={@code testcontainers}) Kafka and MinIO containers ({@link ContainerStack}).
 */
public class PipelineStack implements QuarkusTestResourceLifecycleManager {

    public static final String BACKEND = "attache.it.stack";

    private static Properties ready;

    /** What the stack reported once ready: bootstrap servers, S3 endpoint and keys, JWT key paths. */
    public static Properties ready() {
        if (ready == null) {
            throw new IllegalStateException("The pipeline stack is not started");
        }
        return ready;
    }

    static boolean containers() {
        return "testcontainers".equals(System.getProperty(BACKEND));
    }

    @Override
    public synchronized Map<String, String> start() {
        if (ready == null) {
            ready = !containers() ? LauncherStack.start()
                    : DockerCondition.dockerAvailable() ? ContainerStack.start() : ContainerStack.absent();
        }
        return Map.ofEntries(
                Map.entry("kafka.bootstrap.servers", ready.getProperty("kafka.bootstrap.servers")),
                Map.entry("kafka.security.protocol", ready.getProperty("kafka.security.protocol", "PLAINTEXT")),
                Map.entry("attache.kafka.password", StackConfig.kafkaPassword(KafkaAccess.INGEST_API)),
                Map.entry("attache.processor.token-key-location",
                        ready.getProperty("service-token.private-key", "none.pem")),
                Map.entry("attache.processor.token-key-id", ready.getProperty("service-token.key-id", "none")),
                Map.entry("attache.s3.endpoint", ready.getProperty("s3.endpoint")),
                Map.entry("attache.s3.access-key", ready.getProperty("s3.access-key")),
                Map.entry("attache.s3.secret-key", ready.getProperty("s3.secret-key")),
                Map.entry("attache.s3.bucket", ready.getProperty("s3.bucket")),
                Map.entry("attache.s3.region", ready.getProperty("s3.region", "us-east-1")),
                Map.entry("mp.jwt.verify.publickey.location", ready.getProperty("jwt.public-key")),
                Map.entry("mp.jwt.verify.issuer", ready.getProperty("jwt.issuer")),
                Map.entry("attache.processor.url", ready.getProperty("processor.url", "http://127.0.0.1:1")));
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; each stack stops itself when the JVM exits.
    }
}
