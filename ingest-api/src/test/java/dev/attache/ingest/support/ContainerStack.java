package dev.attache.ingest.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.kafka.KafkaContainer;

import dev.attache.schemas.kafka.TopicSpec;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;

/**
 * The stack on containers, where a Docker engine exists: Kafka and MinIO from Testcontainers, the topics and bucket
 * provisioned as {@code ./attache up} does, a fresh signing key, and the packaged processor as a child process.
 */
final class ContainerStack {

    static final String KAFKA_IMAGE = System.getProperty("attache.it.kafka-image", "apache/kafka:4.1.0");
    static final String MINIO_IMAGE = System.getProperty("attache.it.minio-image",
            "minio/minio:RELEASE.2023-09-04T19-57-37Z");
    static final String ISSUER = "https://attache.local/issuer";

    private ContainerStack() {
    }

    static Properties start() {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE)
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1");
        MinIOContainer minio = new MinIOContainer(MINIO_IMAGE);
        kafka.start();
        minio.start();
        try {
            Properties ready = new Properties();
            ready.setProperty("kafka.bootstrap.servers", kafka.getBootstrapServers());
            // the container broker has no SASL listener: the apps are told so
            ready.setProperty("kafka.security.protocol", "PLAINTEXT");
            ready.setProperty("s3.endpoint", minio.getS3URL());
            ready.setProperty("s3.access-key", minio.getUserName());
            ready.setProperty("s3.secret-key", minio.getPassword());
            ready.setProperty("s3.bucket", "attache");
            ready.setProperty("s3.region", "us-east-1");
            ready.setProperty("jwt.issuer", ISSUER);
            provision(ready);
            writeKeys(ready);
            writeServiceKeys(ready);
            writeAuditKeys(ready);
            Path home = Path.of(System.getProperty("attache.home", "..")).toAbsolutePath().normalize();
            AppProcess processor = AppProcess.start(home.resolve("processor/target/quarkus-app/quarkus-run.jar"),
                    withAuditKeys(ready, Map.of("KAFKA_BOOTSTRAP_SERVERS", ready.getProperty("kafka.bootstrap.servers"),
                            "KAFKA_SECURITY_PROTOCOL", "PLAINTEXT",
                            "ATTACHE_KAFKA_PASSWORD", "none",
                            "MP_JWT_VERIFY_PUBLICKEY_LOCATION", ready.getProperty("service-token.jwks"),
                            "ATTACHE_S3_ENDPOINT", ready.getProperty("s3.endpoint"),
                            "ATTACHE_S3_ACCESS_KEY", ready.getProperty("s3.access-key"),
                            "ATTACHE_S3_SECRET_KEY", ready.getProperty("s3.secret-key"),
                            "ATTACHE_S3_BUCKET", ready.getProperty("s3.bucket"),
                            "KAFKA_STREAMS_STATE_DIR", Files.createTempDirectory("processor-state").toString())),
                    Duration.ofSeconds(120));
            ready.setProperty("processor.url", processor.url());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                processor.close();
                minio.stop();
                kafka.stop();
            }, "container-stack-stop"));
            return ready;
        } catch (Exception e) {
            minio.stop();
            kafka.stop();
            throw new IllegalStateException("Could not provision the container stack", e);
        }
    }

    /**
     * Endpoints where nothing listens, for a run without a Docker engine: Quarkus boots the app under test while it
     * discovers the test classes, before {@link DockerCondition} skips them, and the app must boot on something.
     */
    static Properties absent() {
        Properties nowhere = new Properties();
        nowhere.setProperty("kafka.bootstrap.servers", "127.0.0.1:1");
        nowhere.setProperty("s3.endpoint", "http://127.0.0.1:1");
        nowhere.setProperty("s3.access-key", "none");
        nowhere.setProperty("s3.secret-key", "none");
        nowhere.setProperty("s3.bucket", "attache");
        nowhere.setProperty("jwt.issuer", ISSUER);
        nowhere.setProperty("jwt.public-key", "none.pem");
        nowhere.setProperty("processor.url", "http://127.0.0.1:1");
        return nowhere;
    }

    private static void provision(Properties ready) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                ready.getProperty("kafka.bootstrap.servers")))) {
            List<NewTopic> topics = TopicSpec.all(3).stream()
                    .map(spec -> new NewTopic(spec.name(), spec.partitions(), (short) 1).configs(spec.config()))
                    .toList();
            admin.createTopics(topics).all().get();
        }
        MinioClient s3 = MinioClient.builder().endpoint(ready.getProperty("s3.endpoint"))
                .credentials(ready.getProperty("s3.access-key"), ready.getProperty("s3.secret-key")).build();
        s3.makeBucket(MakeBucketArgs.builder().bucket(ready.getProperty("s3.bucket")).build());
    }

    private static void writeKeys(Properties ready) throws IOException, NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Path dir = Files.createTempDirectory("attache-jwt");
        Path publicKey = dir.resolve("public.pem");
        Path privateKey = dir.resolve("private.pem");
        Files.writeString(publicKey, pem("PUBLIC KEY", keys.getPublic().getEncoded()));
        Files.writeString(privateKey, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
        ready.setProperty("jwt.public-key", publicKey.toString());
        ready.setProperty("jwt.private-key", privateKey.toString());
    }

    /** The service key pair of the internal API: ingest-api signs with the private half, the processor has the set. */
    private static void writeServiceKeys(Properties ready) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        org.jose4j.jwk.EllipticCurveJsonWebKey jwk = new org.jose4j.jwk.EllipticCurveJsonWebKey(
                (java.security.interfaces.ECPublicKey) keys.getPublic());
        jwk.setKeyId("containers");
        Path dir = Files.createTempDirectory("attache-service-jwt");
        Path privateKey = dir.resolve("private.pem");
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(privateKey, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
        Files.writeString(jwks, new org.jose4j.jwk.JsonWebKeySet(jwk).toJson(
                org.jose4j.jwk.JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        ready.setProperty("service-token.private-key", privateKey.toString());
        ready.setProperty("service-token.key-id", "containers");
        ready.setProperty("service-token.jwks", jwks.toString());
    }

    private static Map<String, String> withAuditKeys(Properties ready, Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("ATTACHE_AUDIT_SIGNING_KEY_FILE", ready.getProperty("audit.private-key"));
        all.put("ATTACHE_AUDIT_PUBLIC_KEY_FILE", ready.getProperty("audit.public-key"));
        return all;
    }

    /** The processor's audit checkpoint key pair (Ed25519). */
    private static void writeAuditKeys(Properties ready) throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path dir = Files.createTempDirectory("attache-audit-signing");
        Path privateKey = dir.resolve("private.pem");
        Path publicKey = dir.resolve("public.pem");
        Files.writeString(privateKey, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
        Files.writeString(publicKey, pem("PUBLIC KEY", keys.getPublic().getEncoded()));
        ready.setProperty("audit.private-key", privateKey.toString());
        ready.setProperty("audit.public-key", publicKey.toString());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
