package dev.attache.local.kafka;

import dev.attache.schemas.kafka.TopicSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Creates the topics the apps share, as {@link TopicSpec} describes them. Safe to run on every start: a topic
 * that exists keeps its partitions and gets the spec's configs (re)applied.
 */
public final class TopicProvisioner {

    private static final short REPLICATION_FACTOR = 1;
    private static final long TIMEOUT_SECONDS = 30;

    private final Map<String, Object> adminConfig;

    /** @param adminConfig a client of the broker allowed to create and configure topics */
    public TopicProvisioner(Map<String, Object> adminConfig) {
        this.adminConfig = adminConfig;
    }

    /** Makes {@code specs} exist; returns the names of the topics it had to create. */
    public List<String> provision(Collection<TopicSpec> specs) throws Exception {
        try (Admin admin = Admin.create(adminConfig)) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            Map<ConfigResource, Collection<AlterConfigOp>> present = new HashMap<>();
            for (TopicSpec spec : specs) {
                if (existing.contains(spec.name())) {
                    present.put(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()), setAll(spec.config()));
                } else {
                    missing.add(new NewTopic(spec.name(), spec.partitions(), REPLICATION_FACTOR).configs(spec.config()));
                }
            }
            if (!missing.isEmpty()) {
                get(admin.createTopics(missing).all());
            }
            if (!present.isEmpty()) {
                get(admin.incrementalAlterConfigs(present).all());
            }
            return missing.stream().map(NewTopic::name).toList();
        }
    }

    private static Collection<AlterConfigOp> setAll(Map<String, String> config) {
        return config.entrySet().stream()
                .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                .toList();
    }

    private static void get(org.apache.kafka.common.KafkaFuture<Void> future) throws Exception {
        try {
            future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
