package dev.attache.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attache.local.kafka.AccessProvisioner;
import dev.attache.local.kafka.EmbeddedKafka;
import dev.attache.local.kafka.KafkaClientConfig;
import dev.attache.local.kafka.KafkaCredentials;
import dev.attache.local.kafka.TopicProvisioner;
import dev.attache.local.logging.StackLogging;
import dev.attache.local.s3.EmbeddedS3;
import dev.attache.local.s3.S3Credentials;
import dev.attache.schemas.kafka.KafkaAccess;
import dev.attache.schemas.kafka.TopicSpec;
import dev.attache.schemas.kafka.Topics;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded stack as the apps and their tests see it: a real broker (topics, transactions, restarts) and a
 * real S3 server (through the MinIO client the apps use). Started once; ports are picked free.
 */
class EmbeddedStackIntegrationTest {

    private static final int PARTITIONS = 3;
    private static final String BUCKET = "attache";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path dataDir;

    static EmbeddedKafka kafka;
    static EmbeddedS3 s3;

    @BeforeAll
    static void startStack() throws Exception {
        StackLogging.toFile(Path.of("target", "embedded-stack-test.log"));
        KafkaCredentials credentials = KafkaCredentials.loadOrCreate(dataDir.resolve("secrets"));
        kafka = EmbeddedKafka.start(dataDir.resolve("kafka"), 0, credentials);
        s3 = EmbeddedS3.start(dataDir.resolve("s3"), 0, S3Credentials.DEV, BUCKET);
        new AccessProvisioner(kafka.provisioningConfig()).provision(credentials, KafkaAccess.apps());
        new TopicProvisioner(kafka.provisioningConfig()).provision(TopicSpec.all(PARTITIONS));
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (s3 != null) {
            s3.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void topicsExistWithTheirConfigs() throws Exception {
        try (Admin admin = admin()) {
            Map<String, TopicDescription> topics = admin.describeTopics(
                    List.of(Topics.ATTACHMENT_COMMANDS, Topics.ATTACHMENT_REPLIES, Topics.ATTACHMENTS))
                    .allTopicNames().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(topics.values()).allSatisfy(t -> assertThat(t.partitions()).hasSize(PARTITIONS));

            Config commands = topicConfig(admin, Topics.ATTACHMENT_COMMANDS);
            assertThat(commands.get("message.timestamp.type").value()).isEqualTo("LogAppendTime");
            assertThat(commands.get("retention.ms").value()).isEqualTo("-1");
            assertThat(topicConfig(admin, Topics.ATTACHMENTS).get("cleanup.policy").value()).isEqualTo("compact");
        }
        assertThat(new TopicProvisioner(kafka.provisioningConfig()).provision(TopicSpec.all(PARTITIONS)))
                .as("a second provisioning creates nothing")
                .isEmpty();
    }

    @Test
    void aCommittedTransactionIsVisibleToReadCommittedConsumersAndAnAbortedOneIsNot() throws Exception {
        String topic = createTopic("tx-" + UUID.randomUUID());
        Properties props = clientProps();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-" + UUID.randomUUID());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, 0, "k", "aborted"));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, 0, "k", "committed"));
            producer.commitTransaction();
        }

        // read_committed delivers in offset order: had the aborted record been visible, it would come first
        List<String> values = consumeUntil(topic, records -> records.contains("committed"));
        assertThat(values).containsExactly("committed");
    }

    @Test
    void theMinioClientPutsStatsAndGetsObjects() throws Exception {
        MinioClient minio = MinioClient.builder()
                .endpoint(s3.endpoint().toString())
                .credentials(S3Credentials.DEV_ACCESS_KEY, S3Credentials.DEV_SECRET_KEY)
                .region("us-east-1")
                .build();
        assertThat(minio.bucketExists(BucketExistsArgs.builder().bucket(BUCKET).build())).isTrue();

        byte[] content = "The menu for Friday".getBytes(StandardCharsets.UTF_8);
        String key = "tenant/" + UUID.randomUUID();
        minio.putObject(PutObjectArgs.builder().bucket(BUCKET).object(key)
                .stream(new ByteArrayInputStream(content), content.length, -1)
                .contentType("text/plain")
                .userMetadata(Map.of("sha256", "abc"))
                .build());

        StatObjectResponse stat = minio.statObject(StatObjectArgs.builder().bucket(BUCKET).object(key).build());
        assertThat(stat.size()).isEqualTo(content.length);
        assertThat(stat.contentType()).isEqualTo("text/plain");
        assertThat(stat.userMetadata()).containsEntry("sha256", "abc");
        try (InputStream in = minio.getObject(GetObjectArgs.builder().bucket(BUCKET).object(key).build())) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void aRestartedBrokerKeepsItsTopicsAndRecords() throws Exception {
        String topic = createTopic("restart-" + UUID.randomUUID());
        String clusterId;
        try (Admin admin = admin()) {
            clusterId = admin.describeCluster().clusterId().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        Properties props = clientProps();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "before restart")).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }

        kafka.restart();

        try (Admin admin = admin()) {
            assertThat(admin.describeCluster().clusterId().get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(clusterId);
            assertThat(admin.listTopics().names().get(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .contains(topic, Topics.ATTACHMENT_COMMANDS, Topics.ATTACHMENT_REPLIES, Topics.ATTACHMENTS);
        }
        assertThat(consumeUntil(topic, values -> values.contains("before restart"))).containsExactly("before restart");
    }

    /** Each app may do what KafkaAccess grants it and nothing else; nobody gets in without its credentials. */
    @Test
    void everyPrincipalGetsExactlyItsGrants() {
        Map<String, Object> ingest = kafka.clientConfig(KafkaAccess.INGEST_API);
        Map<String, Object> processor = kafka.clientConfig(KafkaAccess.PROCESSOR);

        assertThat(produce(ingest, Topics.ATTACHMENT_COMMANDS, null)).isNull();
        assertThat(produce(ingest, Topics.ATTACHMENTS, null)).isInstanceOf(TopicAuthorizationException.class);
        assertThat(produce(ingest, Topics.ATTACHMENT_REPLIES, null)).isInstanceOf(TopicAuthorizationException.class);
        // what a compromised front could not forge: the registry, the records, the deletion requests
        for (String topic : List.of(Topics.OBJECT_DELETIONS, Topics.USER_DIRECTORY, Topics.CALENDAR_SHARES,
                Topics.GROUP_MEMBERSHIPS, Topics.CALENDAR_EVENTS)) {
            assertThat(produce(ingest, topic, null)).as(topic).isInstanceOf(TopicAuthorizationException.class);
        }
        assertThat(read(ingest, Topics.ATTACHMENT_REPLIES)).isNull();
        assertThat(read(ingest, Topics.ATTACHMENT_COMMANDS)).isInstanceOf(TopicAuthorizationException.class);
        assertThat(read(ingest, Topics.CALENDAR_SHARES)).isInstanceOf(TopicAuthorizationException.class);

        assertThat(produce(processor, Topics.ATTACHMENT_COMMANDS, null))
                .as("the processor cannot forge commands").isInstanceOf(TopicAuthorizationException.class);
        assertThat(produce(processor, Topics.CALENDAR_SHARES, null)).isInstanceOf(TopicAuthorizationException.class);
        assertThat(read(processor, Topics.ATTACHMENT_COMMANDS)).isNull();
        assertThat(produce(processor, Topics.ATTACHMENTS, "attache-processor-test-" + UUID.randomUUID())).isNull();
        assertThat(produce(processor, Topics.ATTACHMENTS, "someone-else-" + UUID.randomUUID()))
                .isInstanceOf(TransactionalIdAuthorizationException.class);
    }

    @Test
    void withoutCredentialsOrWithWrongOnesNothingIsWrittenOrRead() {
        Map<String, Object> anonymous = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, "3000");
        Map<String, Object> wrongPassword = new HashMap<>(KafkaClientConfig.scram(kafka.bootstrapServers(),
                KafkaAccess.INGEST_API, "not-the-password"));

        assertThat(produce(anonymous, Topics.ATTACHMENT_COMMANDS, null)).isNotNull();
        assertThat(produce(wrongPassword, Topics.ATTACHMENT_COMMANDS, null))
                .isInstanceOf(SaslAuthenticationException.class);
        assertThat(read(wrongPassword, Topics.ATTACHMENT_REPLIES)).isInstanceOf(SaslAuthenticationException.class);
    }

    /** What writing one record to {@code topic} threw, or null; transactional when {@code transactionalId} is set. */
    private static Throwable produce(Map<String, Object> config, String topic, String transactionalId) {
        Properties props = new Properties();
        props.putAll(config);
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        if (transactionalId != null) {
            props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            if (transactionalId != null) {
                producer.initTransactions();
                producer.beginTransaction();
            }
            producer.send(new ProducerRecord<>(topic, "k", "v")).get(15, TimeUnit.SECONDS);
            if (transactionalId != null) {
                producer.abortTransaction();
            }
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
    }

    /** What reading partition 0 of {@code topic} (assigned, no group) threw, or null. */
    private static Throwable read(Map<String, Object> config, String topic) {
        Properties props = new Properties();
        props.putAll(config);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            // a refused read shows on the first fetch; an allowed one simply returns
            for (int i = 0; i < 5; i++) {
                consumer.poll(Duration.ofMillis(200));
            }
            consumer.position(partition);
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    private static String createTopic(String name) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        return name;
    }

    private static Config topicConfig(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(Set.of(resource)).all().get(WAIT.toSeconds(), TimeUnit.SECONDS).get(resource);
    }

    /** Polls partition 0 of {@code topic} from the start, read_committed, until {@code done} holds or {@link #WAIT}. */
    private static List<String> consumeUntil(String topic, Predicate<List<String>> done) {
        Properties props = clientProps();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!done.test(values) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }

    private static Admin admin() {
        return Admin.create(clientProps());
    }

    /** The admin on the client listener (SCRAM), as tools connect. */
    private static Properties clientProps() {
        Properties props = new Properties();
        props.putAll(kafka.clientConfig(KafkaAccess.ADMIN));
        return props;
    }
}
