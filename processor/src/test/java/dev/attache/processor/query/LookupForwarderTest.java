package dev.attache.processor.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.attache.schemas.attachment.AttachmentQuery;
import dev.attache.schemas.event.EventLookup;

/** Forwarding to a real HTTP server standing in for the instance that hosts the event. */
class LookupForwarderTest {

    static final byte[] LOOKUP = "{\"tenantId\":\"t\",\"eventId\":\"e\"}".getBytes(StandardCharsets.UTF_8);

    static final String TOKEN = "Bearer eyJ.caller.token";

    /** What the stand-in received: method, path, forwarded header, the caller's token, body. */
    record Received(String method, String path, String forwarded, String authorization, String body) {
    }

    final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    HttpServer host;
    int status = 200;
    byte[] answer = "{\"eventId\":\"e\"}".getBytes(StandardCharsets.UTF_8);

    @BeforeEach
    void startHost() throws IOException {
        host = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        host.createContext("/", this::handle);
        host.start();
    }

    @AfterEach
    void stopHost() {
        host.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst(LookupForwarder.FORWARDED_HEADER),
                exchange.getRequestHeaders().getFirst("Authorization"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        exchange.sendResponseHeaders(status, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    HostInfo hostInfo() {
        return new HostInfo(host.getAddress().getHostString(), host.getAddress().getPort());
    }

    LookupReply forward() {
        return new LookupForwarder(Duration.ofSeconds(2)).forward(hostInfo(), EventLookup.PATH, LOOKUP, TOKEN);
    }

    @Test
    void theSameBodyAndTheCallersTokenArePostedToTheLookupPathMarkedAsForwarded() throws InterruptedException {
        forward();

        Received request = received.poll(5, TimeUnit.SECONDS);
        assertThat(request).isEqualTo(new Received("POST", EventLookup.PATH, "1", TOKEN,
                new String(LOOKUP, StandardCharsets.UTF_8)));
    }

    @Test
    void anAttachmentQueryIsPostedToItsOwnPath() throws InterruptedException {
        byte[] query = "{\"tenantId\":\"t\",\"eventId\":\"e\",\"attachmentId\":\"a\"}"
                .getBytes(StandardCharsets.UTF_8);
        answer = "{\"value\":[]}".getBytes(StandardCharsets.UTF_8);

        LookupReply reply = new LookupForwarder(Duration.ofSeconds(2)).forward(hostInfo(), AttachmentQuery.PATH,
                query, TOKEN);

        assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(new Received("POST", AttachmentQuery.PATH, "1", TOKEN,
                new String(query, StandardCharsets.UTF_8)));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(answer);
    }

    @Test
    void theHostsAnswerIsRelayedAsIs() {
        LookupReply found = forward();

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json()).isEqualTo(answer);

        status = 403;
        answer = "{\"status\":403,\"code\":\"ErrorAccessDenied\",\"message\":\"m\"}".getBytes(StandardCharsets.UTF_8);
        LookupReply denied = forward();

        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.json()).isEqualTo(answer);
        assertThat(denied.retry()).isFalse();
    }

    @Test
    void anUnreachableHostIsUnavailable() {
        HostInfo gone = hostInfo();
        host.stop(0);

        LookupReply reply = new LookupForwarder(Duration.ofSeconds(2)).forward(gone, EventLookup.PATH, LOOKUP, TOKEN);

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.retry()).isTrue();
        assertThat(new String(reply.json(), StandardCharsets.UTF_8)).contains("\"code\":\"ServiceUnavailable\"");
    }

    @Test
    void anIpv6HostIsBracketed() {
        assertThat(LookupForwarder.uri(new HostInfo("fd00::1", 8081), EventLookup.PATH))
                .hasToString("http://[fd00::1]:8081/internal/events/lookup");
        assertThat(LookupForwarder.uri(new HostInfo("10.0.0.2", 8081), AttachmentQuery.PATH))
                .hasToString("http://10.0.0.2:8081/internal/attachments/query");
    }
}
