package dev.attache.local.stack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment variables the Quarkus apps read their configuration from (the same ones a Kubernetes
 * deployment sets), filled in with the embedded stack's addresses.
 */
final class AppEnvironment {

    private AppEnvironment() {
    }

    static Map<String, String> processor(StackEndpoints stack, StackLayout layout, int port) {
        Map<String, String> env = common(stack, port);
        env.put("KAFKA_STREAMS_STATE_DIR", layout.processorState().toString());
        return env;
    }

    static Map<String, String> ingestApi(StackEndpoints stack, int port) {
        Map<String, String> env = common(stack, port);
        // a plain file path: smallrye-jwt reads it as a file, and the key is created before the app starts
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", stack.signingKeys().publicKeyFile().toString());
        env.put("MP_JWT_VERIFY_ISSUER", stack.issuer());
        if (stack.processorUrl() != null) {
            env.put("ATTACHE_PROCESSOR_URL", stack.processorUrl());
        }
        return env;
    }

    private static Map<String, String> common(StackEndpoints stack, int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers());
        env.put("ATTACHE_S3_ENDPOINT", stack.s3Endpoint().toString());
        env.put("ATTACHE_S3_ACCESS_KEY", stack.s3Credentials().accessKey());
        env.put("ATTACHE_S3_SECRET_KEY", stack.s3Credentials().secretKey());
        env.put("ATTACHE_S3_BUCKET", stack.bucket());
        env.put("ATTACHE_S3_REGION", stack.region());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        return env;
    }
}
