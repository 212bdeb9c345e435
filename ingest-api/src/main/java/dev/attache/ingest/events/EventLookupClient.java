package dev.attache.ingest.events;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.attache.ingest.auth.Caller;
import dev.attache.ingest.error.GraphException;
import dev.attache.ingest.route.EventPath;
import dev.attache.schemas.attachment.ReplyError;
import dev.attache.schemas.event.CalendarEvent;
import dev.attache.schemas.event.EventLookup;
import dev.attache.schemas.kafka.ContractJson;

/**
 * Reads an event from the registry, which lives in the processor's state: any processor instance answers, forwarding
 * to the one that holds the event's partition. The processor applies the same access rules as for writes, so a read
 * is refused exactly where a write would be.
 */
@ApplicationScoped
public class EventLookupClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI lookup;

    EventLookupClient(@ConfigProperty(name = "attache.processor.url") String processorUrl) {
        this.lookup = URI.create(processorUrl.replaceAll("/+$", "") + EventLookup.PATH);
    }

    public CalendarEvent find(Caller caller, EventPath event) {
        byte[] request;
        try {
            request = ContractJson.MAPPER.writeValueAsBytes(new EventLookup(caller.tenantId(), event.eventId(),
                    event.toRoute(caller.objectId()), caller.principal()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(lookup).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        }
        try {
            if (response.statusCode() == 200) {
                return ContractJson.MAPPER.readValue(response.body(), CalendarEvent.class);
            }
            ReplyError error = ContractJson.MAPPER.readValue(response.body(), ReplyError.class);
            if (error.status() >= 500) {
                throw unavailable(null);
            }
            return failWith(error);
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    private static CalendarEvent failWith(ReplyError error) {
        throw new GraphException(error.status(), error.code(), error.message());
    }

    /** A read changes nothing, so the client may always retry it. */
    private static GraphException unavailable(Throwable cause) {
        return new GraphException(503, "ServiceUnavailable", "The events registry is not available right now.",
                Map.of("Retry-After", "1"), cause);
    }
}
