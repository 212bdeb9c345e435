package dev.attache.local.kafka;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The configuration of a single-node KRaft broker: one JVM that is both the broker and the (only) controller,
 * reachable on the loopback interface.
 */
final class BrokerProperties {

    static final int NODE_ID = 1;
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String HOST = "127.0.0.1";

    /**
     * Internal topics get fewer partitions than Kafka's default 50: one node, few clients, and creating
     * 2 x 50 partitions costs seconds on the first consumer group and the first transaction.
     */
    private static final String INTERNAL_TOPIC_PARTITIONS = "10";

    private BrokerProperties() {
    }

    static Properties singleNode(Path logDir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", Integer.toString(NODE_ID));
        // Static voters (kraft.version 0): the controller address is read from here on every start, so the
        // controller may get a different port each time without touching the metadata log.
        p.setProperty("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.setProperty("controller.listener.names", CONTROLLER_LISTENER);
        p.setProperty("listeners",
                BROKER_LISTENER + "://" + HOST + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        p.setProperty("advertised.listeners", BROKER_LISTENER + "://" + HOST + ":" + brokerPort);
        p.setProperty("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.setProperty("inter.broker.listener.name", BROKER_LISTENER);
        p.setProperty("log.dirs", logDir.toAbsolutePath().toString());

        // One replica is all there is. Without these the group and transaction coordinators wait for 3 replicas
        // forever, and exactly_once_v2 (the processor) cannot initialise its producers.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", INTERNAL_TOPIC_PARTITIONS);
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", INTERNAL_TOPIC_PARTITIONS);
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");

        // Topics are provisioned from TopicSpec (as on Kubernetes): a client writing to a misspelt topic must fail
        // here too rather than silently create it with broker defaults.
        p.setProperty("auto.create.topics.enable", "false");
        // A dev stack has one consumer per group; the default 3 s delay only slows every first join.
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        return p;
    }
}
