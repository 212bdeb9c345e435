package dev.attache.local.kafka;

import dev.attache.local.net.FreePort;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running in this JVM.
 *
 * <p>Everything is kept under one directory, formatted on first start and reused afterwards, so topics, offsets
 * and committed transactions survive a restart.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Starts a broker storing its logs in {@code logDir}, listening for clients on {@code port} (0 = any free port).
     * Returns once the broker has registered with its controller and accepts clients.
     */
    public static EmbeddedKafka start(Path logDir, int port) throws Exception {
        int brokerPort = FreePort.orPick(port);
        Properties props = BrokerProperties.singleNode(logDir, brokerPort, FreePort.pick());
        KafkaConfig config = KafkaConfig.fromProps(props, false);
        KafkaStorage.formatIfNeeded(logDir, config);

        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException | Error e) {
            server.shutdown();
            throw e;
        }
        return new EmbeddedKafka(server, "127.0.0.1:" + brokerPort);
    }

    /** {@code host:port} for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
