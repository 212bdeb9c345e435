package dev.attache.processor.query;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.apache.kafka.streams.state.HostInfo;
import org.jboss.logging.Logger;

/**
 * Sends a read (an event lookup, an attachment query) to the instance that hosts the event and relays its status and
 * body. The request is marked ({@value #FORWARDED_HEADER}) so that instance answers it itself or with {@code 503},
 * never forwards it again.
 */
public final class LookupForwarder {

    /** Marks a read one instance forwarded to another. */
    public static final String FORWARDED_HEADER = "attache-forwarded";

    private static final Logger LOG = Logger.getLogger(LookupForwarder.class);

    private final HttpClient client;
    private final Duration timeout;

    /** @param timeout to connect, and then to receive the answer */
    public LookupForwarder(Duration timeout) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = timeout;
    }

    /**
     * {@code host}'s answer to {@code body} posted to {@code path}, or {@code 503} when it cannot be had in time. The
     * caller's service token goes along unchanged: it is bound to this path and body, and {@code host} verifies it.
     */
    public LookupReply forward(HostInfo host, String path, byte[] body, String authorization) {
        HttpRequest request = HttpRequest.newBuilder(uri(host, path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .header(FORWARDED_HEADER, "1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new LookupReply(response.statusCode(), response.body());
        } catch (IOException e) {
            LOG.warnf("%s not forwarded to %s: %s", path, host, e.toString());
            return LookupReply.unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return LookupReply.unavailable();
        }
    }

    /** {@code http://host:port/path}, e.g. {@code /internal/events/lookup}; an IPv6 address in brackets. */
    static URI uri(HostInfo host, String path) {
        String name = host.host().indexOf(':') >= 0 && !host.host().startsWith("[")
                ? "[" + host.host() + "]"
                : host.host();
        return URI.create("http://" + name + ":" + host.port() + path);
    }
}
