package dev.attache.schemas.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.resource.PatternType;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The Kubernetes deployment carries the same ACLs as the embedded stack: the Strimzi {@code KafkaUser}s grant each
 * app exactly what {@link KafkaAccess} grants it.
 */
class KafkaAccessManifestTest {

    static final Path USERS = Path.of("..", "deploy", "k8s", "components", "strimzi-users", "users.yaml");

    /** One ACL, as a comparable line: {@code topic:literal:attachment-commands:WRITE}. */
    static String acl(String type, String pattern, String name, String operation) {
        return String.join(":", type.toLowerCase(Locale.ROOT).replace("_", ""), pattern.toLowerCase(Locale.ROOT),
                name, operation.toUpperCase(Locale.ROOT));
    }

    static Map<String, Set<String>> fromManifest() throws Exception {
        Map<String, Set<String>> users = new HashMap<>();
        try (MappingIterator<JsonNode> documents = new YAMLMapper().readerFor(JsonNode.class)
                .readValues(new YAMLFactory().createParser(Files.readString(USERS)))) {
            while (documents.hasNext()) {
                JsonNode user = documents.next();
                assertThat(user.path("kind").asText()).isEqualTo("KafkaUser");
                assertThat(user.at("/spec/authentication/type").asText()).isEqualTo("scram-sha-512");
                Set<String> acls = new HashSet<>();
                for (JsonNode acl : user.at("/spec/authorization/acls")) {
                    String pattern = acl.at("/resource/patternType").asText("literal");
                    for (JsonNode operation : acl.path("operations")) {
                        acls.add(acl(acl.at("/resource/type").asText(), pattern.equals("prefix") ? "prefixed"
                                : pattern, acl.at("/resource/name").asText(), operation.asText()));
                    }
                }
                users.put(user.at("/metadata/name").asText(), acls);
            }
        }
        return users;
    }

    static Map<String, Set<String>> fromCode() {
        Map<String, Set<String>> users = new HashMap<>();
        for (KafkaAccess app : KafkaAccess.apps()) {
            Set<String> acls = new HashSet<>();
            for (KafkaAccess.Grant grant : app.grants()) {
                grant.operations().forEach(operation -> acls.add(acl(grant.type().name(),
                        grant.pattern() == PatternType.PREFIXED ? "prefixed" : "literal", grant.name(),
                        operation.name())));
            }
            users.put(app.user(), acls);
        }
        return users;
    }

    @Test
    void theStrimziUsersGrantExactlyWhatKafkaAccessGrants() throws Exception {
        assertThat(fromManifest()).isEqualTo(fromCode());
    }

    @Test
    void everyTopicTheAppsUseExistsInTheSpec() {
        Set<String> topics = new HashSet<>();
        TopicSpec.all(1).forEach(spec -> topics.add(spec.name()));
        KafkaAccess.apps().stream().flatMap(app -> app.grants().stream())
                .filter(grant -> grant.type() == org.apache.kafka.common.resource.ResourceType.TOPIC
                        && grant.pattern() == PatternType.LITERAL)
                // the processor's internal topics (the auditor reads a changelog) are Kafka Streams' to create
                .filter(grant -> !grant.name().startsWith(KafkaAccess.PROCESSOR_PREFIX + "-"))
                .forEach(grant -> assertThat(topics).contains(grant.name()));
    }
}
