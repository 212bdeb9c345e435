package dev.attache.local.stack;

import dev.attache.local.jwt.ServiceKeys;
import dev.attache.local.jwt.SigningKeys;
import dev.attache.local.kafka.KafkaCredentials;
import dev.attache.local.s3.S3Credentials;
import java.net.URI;

/**
 * Where the started parts of the stack can be reached, and the credentials to reach them. A part that was not asked
 * for is {@code null}.
 *
 * @param kafkaCredentials the SCRAM passwords of the Kafka users (admin and one per app)
 * @param serviceKeys      the key ingest-api signs its calls to the processor's internal API with
 * @param auditKeys        the key the processor signs audit checkpoints with
 * @param processorUrl     root URL of the processor ({@code http://127.0.0.1:PORT})
 * @param ingestUrl        root URL of ingest-api; the Graph API is under {@code /v1.0}
 */
public record StackEndpoints(
        String kafkaBootstrapServers,
        KafkaCredentials kafkaCredentials,
        ServiceKeys serviceKeys,
        URI s3Endpoint,
        S3Credentials s3Credentials,
        String bucket,
        String region,
        String issuer,
        SigningKeys signingKeys,
        SigningKeys auditKeys,
        String processorUrl,
        String ingestUrl) {

    /** The Graph API base URL clients use, e.g. {@code http://localhost:8080/v1.0}. */
    public String graphBaseUrl() {
        return ingestUrl == null ? null : ingestUrl.replace("127.0.0.1", "localhost") + "/v1.0";
    }
}
