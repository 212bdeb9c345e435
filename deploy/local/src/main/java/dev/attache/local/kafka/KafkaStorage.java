package dev.attache.local.kafka;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import kafka.server.KafkaConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What {@code kafka-storage.sh format} does, done once per data directory so the data survives restarts. */
final class KafkaStorage {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaStorage.class);

    private KafkaStorage() {
    }

    /** Formats {@code logDir} with a new cluster id unless it already holds a {@code meta.properties}. */
    static void formatIfNeeded(Path logDir, KafkaConfig config) throws Exception {
        if (Files.exists(logDir.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME))) {
            return;
        }
        Files.createDirectories(logDir);
        String clusterId = Uuid.randomUuid().toString();
        new Formatter()
                // the formatter reports on a PrintStream; stdout belongs to the command's own output
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(config.nodeId())
                .setClusterId(clusterId)
                .setControllerListenerName(config.controllerListenerNames().get(0))
                .setMetadataLogDirectory(config.metadataLogDir())
                .addDirectory(logDir.toAbsolutePath().toString())
                .run();
        LOG.info("Formatted {} for cluster {}", logDir, clusterId);
    }
}
