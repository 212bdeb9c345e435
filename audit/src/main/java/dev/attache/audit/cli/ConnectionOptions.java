package dev.attache.audit.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

import dev.attache.local.cli.AttacheHome;
import dev.attache.local.kafka.KafkaClientConfig;
import dev.attache.local.stack.ReadyFile;
import dev.attache.local.stack.StackLayout;
import dev.attache.schemas.kafka.KafkaAccess;
import picocli.CommandLine.Option;

/**
 * How to reach the deployment: by default the embedded stack running from the data dir (its stack file names the
 * broker, the admin credentials, the bucket and the audit public key); any other deployment through these options
 * and environment variables. Secrets come from the environment only, never from the command line.
 */
final class ConnectionOptions {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "The embedded stack's data dir (default: <attache.home>/.attache).")
    Path dataDir;

    @Option(names = "--bootstrap-servers", paramLabel = "HOSTS",
            defaultValue = "${env:ATTACHE_AUDIT_BOOTSTRAP_SERVERS}",
            description = "Kafka of another deployment (env ATTACHE_AUDIT_BOOTSTRAP_SERVERS); its password in "
                    + "ATTACHE_AUDIT_KAFKA_PASSWORD.")
    String bootstrapServers;

    @Option(names = "--kafka-user", defaultValue = "${env:ATTACHE_AUDIT_KAFKA_USER:-attache-auditor}",
            description = "SCRAM user with the auditor's ACLs (KafkaAccess.AUDITOR; default: ${DEFAULT-VALUE}).")
    String kafkaUser;

    @Option(names = "--kafka-security-protocol",
            defaultValue = "${env:ATTACHE_AUDIT_KAFKA_SECURITY_PROTOCOL:-SASL_SSL}",
            description = "SASL_SSL (default) or SASL_PLAINTEXT.")
    String securityProtocol;

    @Option(names = "--s3-endpoint", defaultValue = "${env:ATTACHE_AUDIT_S3_ENDPOINT}",
            description = "S3 of another deployment; keys in ATTACHE_AUDIT_S3_ACCESS_KEY, ATTACHE_AUDIT_S3_SECRET_KEY.")
    String s3Endpoint;

    @Option(names = "--bucket", defaultValue = "${env:ATTACHE_AUDIT_S3_BUCKET:-attache}",
            description = "The attachments bucket (default: ${DEFAULT-VALUE}).")
    String bucket;

    @Option(names = "--s3-region", defaultValue = "${env:ATTACHE_AUDIT_S3_REGION:-us-east-1}")
    String region;

    @Option(names = "--public-key", paramLabel = "PEM", defaultValue = "${env:ATTACHE_AUDIT_PUBLIC_KEY}",
            description = "The processor's audit public key, from its operator (default: the data dir's).")
    Path publicKey;

    AuditTarget resolve() {
        try {
            return bootstrapServers != null ? deployment() : embedded();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the data dir's stack file: " + e.getMessage(), e);
        }
    }

    private AuditTarget deployment() {
        String password = required("ATTACHE_AUDIT_KAFKA_PASSWORD");
        Map<String, Object> kafka = new HashMap<>();
        kafka.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        kafka.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, securityProtocol);
        kafka.put(SaslConfigs.SASL_MECHANISM, KafkaClientConfig.SCRAM);
        kafka.put(SaslConfigs.SASL_JAAS_CONFIG, KafkaClientConfig.scramJaas(kafkaUser, password));
        AuditTarget.S3Target s3 = s3Endpoint == null ? null : new AuditTarget.S3Target(s3Endpoint,
                required("ATTACHE_AUDIT_S3_ACCESS_KEY"), required("ATTACHE_AUDIT_S3_SECRET_KEY"), bucket, region);
        if (publicKey == null) {
            throw new IllegalArgumentException("--public-key (or ATTACHE_AUDIT_PUBLIC_KEY) is required for a"
                    + " deployment: the key its operator published");
        }
        return new AuditTarget(kafka, s3, publicKey);
    }

    private AuditTarget embedded() throws IOException {
        StackLayout layout = new StackLayout(dataDir != null ? dataDir : AttacheHome.dir().resolve(".attache"));
        Path stack = layout.stackFile();
        String bootstrap = ReadyFile.read(stack, "kafka.bootstrap.servers").orElseThrow(() ->
                new IllegalArgumentException("No running stack in " + layout.dataDir() + " (start one with"
                        + " `./attache up`, or name a deployment with --bootstrap-servers)"));
        // the stack's auditor, with the same least-privilege ACLs a deployment gives it; never its admin
        Map<String, Object> kafka = new HashMap<>(KafkaClientConfig.scram(bootstrap, KafkaAccess.AUDITOR,
                ReadyFile.read(stack, "kafka." + KafkaAccess.AUDITOR + ".password").orElseThrow(() ->
                        new IllegalArgumentException("The stack file names no auditor password: restart `up`"))));
        Optional<String> endpoint = ReadyFile.read(stack, "s3.endpoint");
        AuditTarget.S3Target s3 = endpoint.isEmpty() ? null : new AuditTarget.S3Target(endpoint.get(),
                ReadyFile.read(stack, "s3.access-key").orElseThrow(),
                ReadyFile.read(stack, "s3.secret-key").orElseThrow(),
                ReadyFile.read(stack, "s3.bucket").orElse(bucket), ReadyFile.read(stack, "s3.region").orElse(region));
        Path key = publicKey != null ? publicKey
                : Path.of(ReadyFile.read(stack, "audit.public-key").orElseThrow(() -> new IllegalArgumentException(
                        "The stack file names no audit public key; pass --public-key")));
        return new AuditTarget(kafka, s3, key);
    }

    private static String required(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(variable + " is not set");
        }
        return value;
    }
}
