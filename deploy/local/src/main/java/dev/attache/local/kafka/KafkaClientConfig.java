package dev.attache.local.kafka;

import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * Client settings for the embedded broker's listeners: SCRAM on the client listener (the apps, tools and tests),
 * PLAIN for the admin on the internal listener (the stack's own provisioning, which runs before any SCRAM
 * credential exists).
 */
public final class KafkaClientConfig {

    public static final String PROTOCOL = "SASL_PLAINTEXT";
    public static final String SCRAM = "SCRAM-SHA-512";

    private KafkaClientConfig() {
    }

    /** {@code user} with {@code password} on the client listener at {@code bootstrapServers}. */
    public static Map<String, Object> scram(String bootstrapServers, String user, String password) {
        return Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, PROTOCOL,
                SaslConfigs.SASL_MECHANISM, SCRAM,
                SaslConfigs.SASL_JAAS_CONFIG, scramJaas(user, password));
    }

    /** The JAAS line of a SCRAM client: what {@code sasl.jaas.config} takes. */
    public static String scramJaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    static Map<String, Object> plain(String bootstrapServers, String user, String password) {
        return Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, PROTOCOL,
                SaslConfigs.SASL_MECHANISM, "PLAIN",
                SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required "
                        + "username=\"" + user + "\" password=\"" + password + "\";");
    }
}
