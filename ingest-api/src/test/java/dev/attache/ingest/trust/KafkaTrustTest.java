package dev.attache.ingest.trust;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import dev.attache.ingest.support.Events;
import dev.attache.ingest.support.PipelineStack;
import dev.attache.ingest.support.StackClients;
import dev.attache.ingest.support.StackConfig;
import dev.attache.ingest.support.Tokens;
import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.schemas.attachment.Principal;
import dev.attache.schemas.attachment.Route;
import dev.attache.schemas.kafka.AttachmentKeys;
import dev.attache.schemas.kafka.JsonSerde;
import dev.attache.schemas.kafka.KafkaAccess;
import dev.attache.schemas.kafka.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Kafka is no open bus: a command typed by hand — a delete of someone's attachment, with a principal made up to
 * match — cannot be written without credentials, with wrong ones or as the processor, and so changes nothing; nor
 * can replies be read without them.
 */
@QuarkusTest
@QuarkusTestResource(PipelineStack.class)
class KafkaTrustTest {

    static Properties client(String user, String password) {
        Properties config = new Properties();
        config.put("bootstrap.servers", PipelineStack.ready().getProperty("kafka.bootstrap.servers"));
        if (user != null) {
            config.put("security.protocol", "SASL_PLAINTEXT");
            config.put("sasl.mechanism", "SCRAM-SHA-512");
            config.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                    + "username=\"" + user + "\" password=\"" + password + "\";");
        }
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "8000");
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "4000");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        return config;
    }

    /** What sending {@code command} threw; null if the broker took it. */
    static Throwable forge(Properties config, AttachmentCommand command) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.ATTACHMENT_COMMANDS,
                    AttachmentKeys.eventKey(command.tenantId(), command.eventId()),
                    JsonSerde.commands().serializer().serialize(Topics.ATTACHMENT_COMMANDS, command)))
                    .get(10, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
    }

    @Test
    void aForgedDeleteCannotBeWrittenAndTheAttachmentStays() throws Exception {
        String tenant = Tokens.newTenant();
        String oid = java.util.UUID.randomUUID().toString();
        String token = Tokens.sign(Tokens.delegated(tenant, oid));
        String event = Events.create(token, "/v1.0/me/events");
        String attachment = given().auth().oauth2(token).contentType("application/json")
                .body("{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"keep.txt\","
                        + "\"contentBytes\":\"AQID\"}")
                .post("/v1.0/me/events/" + event + "/attachments").then().statusCode(201).extract().path("id");
        AttachmentCommand forged = new AttachmentCommand(1, AttachmentCommand.TYPE_DELETE_ATTACHMENT, attachment,
                tenant, event, new Route("v1.0", "me", oid, "events", null, null),
                new Principal(Principal.DELEGATED, oid, null, List.of("Calendars.ReadWrite"), List.of()), null, null,
                null, null, null, null, null);

        assertThat(forge(client(null, null), forged)).as("no credentials").isNotNull();
        assertThat(forge(client(KafkaAccess.INGEST_API, "guessed"), forged)).as("a wrong password")
                .isInstanceOf(SaslAuthenticationException.class);
        assertThat(forge(client(KafkaAccess.PROCESSOR, StackConfig.kafkaPassword(KafkaAccess.PROCESSOR)), forged))
                .as("the processor's own user").isInstanceOf(TopicAuthorizationException.class);

        given().auth().oauth2(token).get("/v1.0/me/events/" + event + "/attachments/" + attachment).then()
                .statusCode(200);
        assertThat(StackClients.objectKeys(tenant + "/")).containsExactly(tenant + "/" + attachment);
    }

    @Test
    void repliesCannotBeReadWithoutCredentials() {
        Properties anonymous = client(null, null);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(anonymous, new StringDeserializer(),
                new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(Topics.ATTACHMENT_REPLIES, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            assertThat(consumer.poll(Duration.ofSeconds(3)).isEmpty()).isTrue();
            // a plaintext client never gets past the SASL handshake: no position, no record
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> consumer.position(partition))
                    .isInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        }
    }
}
