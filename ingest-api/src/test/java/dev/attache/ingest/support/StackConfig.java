package dev.attache.ingest.support;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import dev.attache.schemas.kafka.KafkaAccess;

/**
 * How the tests' own clients and the packaged apps they start reach the stack, from what it reported once ready:
 * Kafka with its SASL settings (the admin for checks, each app its own user), S3, the issuer's and the service
 * token's keys.
 */
public final class StackConfig {

    private StackConfig() {
    }

    /** A Kafka client authenticated as the admin: what the tests check the topics with. */
    public static Properties adminClient() {
        Properties ready = PipelineStack.ready();
        Properties config = new Properties();
        config.put("bootstrap.servers", ready.getProperty("kafka.bootstrap.servers"));
        String protocol = ready.getProperty("kafka.security.protocol", "PLAINTEXT");
        config.put("security.protocol", protocol);
        if (protocol.startsWith("SASL")) {
            config.put("sasl.mechanism", ready.getProperty("kafka.sasl.mechanism"));
            config.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                    + ready.getProperty("kafka.admin.username") + "\" password=\""
                    + ready.getProperty("kafka.admin.password") + "\";");
        }
        return config;
    }

    /** The password of an app's Kafka user ({@code KafkaAccess.INGEST_API}, {@code KafkaAccess.PROCESSOR}). */
    public static String kafkaPassword(String user) {
        return PipelineStack.ready().getProperty("kafka." + user + ".password", "none");
    }

    /** The environment of a packaged ingest-api on the stack (as {@code ./attache up} gives it). */
    public static Map<String, String> ingestApiEnvironment() {
        Properties stack = PipelineStack.ready();
        Map<String, String> env = new HashMap<>(common(KafkaAccess.INGEST_API));
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", stack.getProperty("jwt.public-key"));
        env.put("MP_JWT_VERIFY_ISSUER", stack.getProperty("jwt.issuer"));
        env.put("ATTACHE_PROCESSOR_URL", stack.getProperty("processor.url", "http://127.0.0.1:1"));
        env.put("ATTACHE_PROCESSOR_TOKEN_KEY_LOCATION", stack.getProperty("service-token.private-key", "none.pem"));
        env.put("ATTACHE_PROCESSOR_TOKEN_KEY_ID", stack.getProperty("service-token.key-id", "none"));
        return env;
    }

    /**
     * The environment of another packaged processor on the stack, its state in {@code stateDir}, a group member under
     * {@code instanceId} (the one {@code ./attache up} started is {@code attache-processor-1}).
     */
    public static Map<String, String> processorEnvironment(String stateDir, String instanceId) {
        Map<String, String> env = new HashMap<>(common(KafkaAccess.PROCESSOR));
        env.put("KAFKA_STREAMS_STATE_DIR", stateDir);
        env.put("ATTACHE_PROCESSOR_INSTANCE_ID", instanceId);
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", PipelineStack.ready().getProperty("service-token.jwks", "none"));
        env.put("ATTACHE_AUDIT_SIGNING_KEY_FILE", PipelineStack.ready().getProperty("audit.private-key"));
        env.put("ATTACHE_AUDIT_PUBLIC_KEY_FILE", PipelineStack.ready().getProperty("audit.public-key"));
        return env;
    }

    private static Map<String, String> common(String kafkaUser) {
        Properties stack = PipelineStack.ready();
        return Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", stack.getProperty("kafka.bootstrap.servers"),
                "KAFKA_SECURITY_PROTOCOL", stack.getProperty("kafka.security.protocol", "PLAINTEXT"),
                "ATTACHE_KAFKA_PASSWORD", kafkaPassword(kafkaUser),
                "ATTACHE_S3_ENDPOINT", stack.getProperty("s3.endpoint"),
                "ATTACHE_S3_ACCESS_KEY", stack.getProperty("s3.access-key"),
                "ATTACHE_S3_SECRET_KEY", stack.getProperty("s3.secret-key"),
                "ATTACHE_S3_BUCKET", stack.getProperty("s3.bucket"),
                "ATTACHE_S3_REGION", stack.getProperty("s3.region", "us-east-1"));
    }
}
