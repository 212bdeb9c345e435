package dev.attache.ingest.state;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.attache.schemas.graph.GraphErrorCodes;
import dev.attache.ingest.error.GraphException;
import dev.attache.schemas.attachment.ReplyError;
import dev.attache.schemas.kafka.ContractJson;

/**
 * Reads from the processor's state stores (Kafka Streams interactive queries). Any processor instance answers: it
 * forwards to the one that holds the event's partition. The processor applies the same access rules as for writes, so
 * a read is refused exactly where a write would be; its refusals arrive as Graph errors.
 */
@ApplicationScoped
public class ProcessorState {

    private static final Logger LOG = Logger.getLogger(ProcessorState.class);

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final String processorUrl;
    private final ServiceTokens tokens;

    ProcessorState(@ConfigProperty(name = "attache.processor.url") String processorUrl, ServiceTokens tokens) {
        this.processorUrl = processorUrl.replaceAll("/+$", "");
        this.tokens = tokens;
    }

    /**
     * Posts {@code query} to the processor's {@code path} and reads the answer as {@code type}.
     *
     * @throws GraphException the processor's refusal (404, 403, 400), or 503 when it cannot answer now
     */
    public <T> T query(String path, Object query, Class<T> type) {
        HttpResponse<byte[]> response;
        try {
            byte[] body = ContractJson.MAPPER.writeValueAsBytes(query);
            response = http.send(HttpRequest.newBuilder(URI.create(processorUrl + path)).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    // the principal in the body is ingest-api's word, signed: the token covers the body's hash
                    .header("Authorization", "Bearer " + tokens.forCall(path, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        }
        try {
            if (response.statusCode() == 200) {
                return ContractJson.MAPPER.readValue(response.body(), type);
            }
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                // the processor refused this service, not the client: a key or clock problem between the two
                LOG.errorf("The processor refused ingest-api's service token for %s (%d): check the service key and"
                        + " the key set, and the clocks", path, response.statusCode());
                throw unavailable(null);
            }
            ReplyError error = ContractJson.MAPPER.readValue(response.body(), ReplyError.class);
            if (error.status() >= 500) {
                throw unavailable(null);
            }
            throw new GraphException(error.status(), error.code(), error.message());
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    /** A read changes nothing, so the client may always retry it. */
    private static GraphException unavailable(Throwable cause) {
        return new GraphException(503, GraphErrorCodes.SERVICE_UNAVAILABLE,
                "The service cannot read this right now. Retry the request.", Map.of("Retry-After", "1"), cause);
    }
}
