package dev.attache.local.stack;

import dev.attache.schemas.kafka.KafkaAccess;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment variables the Quarkus apps read their configuration from (the same ones a Kubernetes
 * deployment sets), filled in with the embedded stack's addresses and dev credentials. Both apps listen on the
 * loopback interface only.
 */
final class AppEnvironment {

    private static final String LOOPBACK = "127.0.0.1";

    private AppEnvironment() {
    }

    static Map<String, String> processor(StackEndpoints stack, StackLayout layout, int port) {
        Map<String, String> env = common(stack, port, KafkaAccess.PROCESSOR);
        env.put("KAFKA_STREAMS_STATE_DIR", layout.processorState().toString());
        // how the other instances reach this one for interactive queries: where it listens
        env.put("QUARKUS_KAFKA_STREAMS_APPLICATION_SERVER", LOOPBACK + ":" + port);
        // its static group membership: the same name on every restart, so it takes its partitions back at once
        env.put("ATTACHE_PROCESSOR_INSTANCE_ID", "attache-processor-1");
        // the callers of its internal API prove who they are with tokens signed by this key set's keys
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", stack.serviceKeys().jwksFile().toString());
        // it signs the audit trees' checkpoints; verifiers hold the public half
        env.put("ATTACHE_AUDIT_SIGNING_KEY_FILE", stack.auditKeys().privateKeyFile().toString());
        env.put("ATTACHE_AUDIT_PUBLIC_KEY_FILE", stack.auditKeys().publicKeyFile().toString());
        return env;
    }

    static Map<String, String> ingestApi(StackEndpoints stack, int port) {
        Map<String, String> env = common(stack, port, KafkaAccess.INGEST_API);
        // a plain file path: smallrye-jwt reads it as a file, and the key is created before the app starts
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", stack.signingKeys().publicKeyFile().toString());
        env.put("MP_JWT_VERIFY_ISSUER", stack.issuer());
        env.put("ATTACHE_PROCESSOR_TOKEN_KEY_LOCATION", stack.serviceKeys().pair().privateKeyFile().toString());
        env.put("ATTACHE_PROCESSOR_TOKEN_KEY_ID", stack.serviceKeys().keyId());
        if (stack.processorUrl() != null) {
            env.put("ATTACHE_PROCESSOR_URL", stack.processorUrl());
        }
        return env;
    }

    private static Map<String, String> common(StackEndpoints stack, int port, String kafkaUser) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers());
        env.put("ATTACHE_KAFKA_USERNAME", kafkaUser);
        env.put("ATTACHE_KAFKA_PASSWORD", stack.kafkaCredentials().password(kafkaUser));
        env.put("ATTACHE_S3_ENDPOINT", stack.s3Endpoint().toString());
        env.put("ATTACHE_S3_ACCESS_KEY", stack.s3Credentials().accessKey());
        env.put("ATTACHE_S3_SECRET_KEY", stack.s3Credentials().secretKey());
        env.put("ATTACHE_S3_BUCKET", stack.bucket());
        env.put("ATTACHE_S3_REGION", stack.region());
        env.put("QUARKUS_HTTP_HOST", LOOPBACK);
        // the app ends itself when this process ends, even by kill -9 (no shutdown hook runs then)
        env.put("ATTACHE_PARENT_PID", Long.toString(ProcessHandle.current().pid()));
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        return env;
    }
}
