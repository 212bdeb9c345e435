package dev.attache.local.kafka;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The configuration of a single-node KRaft broker: one JVM that is both the broker and the (only) controller,
 * reachable on the loopback interface, authenticating and authorising every client as production does.
 *
 * <ul>
 *   <li>{@code CLIENT}: the apps, tools and tests, SASL/SCRAM-SHA-512 (the users and their ACLs are
 *       {@code KafkaAccess}'s, created by {@link AccessProvisioner});</li>
 *   <li>{@code BROKER} (inter-broker) and {@code CONTROLLER}: SASL/PLAIN with the admin's static credentials. SCRAM
 *       cannot authenticate there (its credentials live in the metadata the controller serves), and a single node
 *       still connects to itself on both: to register, and to write transaction markers.</li>
 * </ul>
 *
 * The admin is the one super user; everyone else gets exactly their ACLs ({@code StandardAuthorizer}, nothing
 * allowed by default).
 */
final class BrokerProperties {

    static final int NODE_ID = 1;
    static final String CLIENT_LISTENER = "CLIENT";
    static final String BROKER_LISTENER = "BROKER";
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String HOST = "127.0.0.1";

    /**
     * Internal topics get fewer partitions than Kafka's default 50: one node, few clients, and creating
     * 2 x 50 partitions costs seconds on the first consumer group and the first transaction.
     */
    private static final String INTERNAL_TOPIC_PARTITIONS = "10";

    private BrokerProperties() {
    }

    static Properties singleNode(Path logDir, int clientPort, int brokerPort, int controllerPort, String admin,
            String adminPassword) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", Integer.toString(NODE_ID));
        // Static voters (kraft.version 0): the controller address is read from here on every start, so the
        // controller may get a different port each time without touching the metadata log.
        p.setProperty("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.setProperty("controller.listener.names", CONTROLLER_LISTENER);
        p.setProperty("listeners", CLIENT_LISTENER + "://" + HOST + ":" + clientPort + "," + BROKER_LISTENER + "://"
                + HOST + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        p.setProperty("advertised.listeners", CLIENT_LISTENER + "://" + HOST + ":" + clientPort + ","
                + BROKER_LISTENER + "://" + HOST + ":" + brokerPort);
        p.setProperty("listener.security.protocol.map", CLIENT_LISTENER + ":SASL_PLAINTEXT," + BROKER_LISTENER
                + ":SASL_PLAINTEXT," + CONTROLLER_LISTENER + ":SASL_PLAINTEXT");
        p.setProperty("inter.broker.listener.name", BROKER_LISTENER);
        p.setProperty("log.dirs", logDir.toAbsolutePath().toString());

        // Each listener names its mechanisms (the default would be GSSAPI) and its JAAS line; the PLAIN lines also
        // carry the credentials this node uses when it connects to itself.
        String plain = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + admin
                + "\" password=\"" + adminPassword + "\" user_" + admin + "=\"" + adminPassword + "\";";
        p.setProperty("listener.name.client.sasl.enabled.mechanisms", KafkaClientConfig.SCRAM);
        p.setProperty("listener.name.client.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        p.setProperty("listener.name.broker.sasl.enabled.mechanisms", "PLAIN");
        p.setProperty("listener.name.broker.plain.sasl.jaas.config", plain);
        p.setProperty("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        p.setProperty("listener.name.controller.plain.sasl.jaas.config", plain);
        p.setProperty("sasl.mechanism.inter.broker.protocol", "PLAIN");
        p.setProperty("sasl.mechanism.controller.protocol", "PLAIN");
        p.setProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.setProperty("super.users", "User:" + admin);
        p.setProperty("allow.everyone.if.no.acl.found", "false");

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
