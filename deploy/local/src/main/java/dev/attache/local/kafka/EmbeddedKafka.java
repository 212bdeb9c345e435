package dev.attache.local.kafka;

import dev.attache.local.net.FreePort;
import dev.attache.schemas.kafka.KafkaAccess;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running in this JVM, with SASL and ACLs
 * ({@link BrokerProperties}).
 *
 * <p>Everything is kept under one directory, formatted on first start and reused afterwards, so topics, offsets,
 * committed transactions, SCRAM users and ACLs survive a restart. {@link #stop()} and {@link #start()} take it away
 * and bring it back on the same client port, for tests of what the apps do while it is gone.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private final Path logDir;
    private final int clientPort;
    private final KafkaCredentials credentials;
    private KafkaRaftServer server;
    private int brokerPort;

    private EmbeddedKafka(Path logDir, int clientPort, KafkaCredentials credentials) {
        this.logDir = logDir;
        this.clientPort = clientPort;
        this.credentials = credentials;
    }

    /**
     * Starts a broker storing its logs in {@code logDir}, listening for clients on {@code port} (0 = any free port),
     * its admin authenticating with {@code credentials}. Returns once the broker has registered with its controller
     * and accepts clients.
     */
    public static EmbeddedKafka start(Path logDir, int port, KafkaCredentials credentials) throws Exception {
        EmbeddedKafka kafka = new EmbeddedKafka(logDir, FreePort.orPick(port), credentials);
        kafka.start();
        return kafka;
    }

    /** Starts the broker from its data, on its client port, unless it is running. */
    public synchronized void start() throws Exception {
        if (server != null) {
            return;
        }
        brokerPort = FreePort.pick();
        Properties props = BrokerProperties.singleNode(logDir, clientPort, brokerPort, FreePort.pick(),
                KafkaAccess.ADMIN, credentials.adminPassword());
        KafkaConfig config = KafkaConfig.fromProps(props, false);
        KafkaStorage.formatIfNeeded(logDir, config);

        KafkaRaftServer started = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            started.startup();
        } catch (RuntimeException | Error e) {
            started.shutdown();
            throw e;
        }
        server = started;
    }

    /** {@code host:port} of the client listener, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + clientPort;
    }

    /** A client of the client listener, authenticated as {@code user} of {@link #credentials()}. */
    public Map<String, Object> clientConfig(String user) {
        return KafkaClientConfig.scram(bootstrapServers(), user, credentials.password(user));
    }

    /**
     * The admin on the internal listener: what provisions the users, ACLs and topics, before any SCRAM credential
     * exists.
     */
    public synchronized Map<String, Object> provisioningConfig() {
        return KafkaClientConfig.plain("127.0.0.1:" + brokerPort, KafkaAccess.ADMIN, credentials.adminPassword());
    }

    public KafkaCredentials credentials() {
        return credentials;
    }

    /** Stops the broker and starts it again from its data, on the same client port. */
    public synchronized void restart() throws Exception {
        stop();
        start();
    }

    /** Stops the broker, leaving it startable again with {@link #start()}. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
