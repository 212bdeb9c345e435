package dev.attache.schemas.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The Strimzi topics carry what {@link TopicSpec} says: every topic, with every setting of its spec (the manifests add
 * replication settings the single-node embedded broker cannot have), and the partition counts that must match.
 */
class TopicManifestTest {

    static final Path TOPICS = Path.of("..", "deploy", "k8s", "components", "strimzi-topics", "topics.yaml");

    @Test
    void everyTopicOfTheSpecIsThereWithItsSettings() throws Exception {
        Map<String, JsonNode> manifests = new HashMap<>();
        try (MappingIterator<JsonNode> documents = new YAMLMapper().readerFor(JsonNode.class)
                .readValues(new YAMLFactory().createParser(Files.readString(TOPICS)))) {
            while (documents.hasNext()) {
                JsonNode topic = documents.next();
                manifests.put(topic.at("/spec/topicName").asText(), topic.path("spec"));
            }
        }
        int partitions = manifests.get(Topics.ATTACHMENT_COMMANDS).path("partitions").asInt();

        for (TopicSpec spec : TopicSpec.all(partitions)) {
            JsonNode manifest = manifests.get(spec.name());
            assertThat(manifest).as(spec.name() + " in " + TOPICS).isNotNull();
            assertThat(manifest.path("partitions").asInt()).as(spec.name()).isEqualTo(spec.partitions());
            spec.config().forEach((key, value) -> assertThat(manifest.at("/config").path(key).asText())
                    .as(spec.name() + " " + key).isEqualTo(value));
        }
        assertThat(manifests.keySet()).containsExactlyInAnyOrderElementsOf(TopicSpec.all(partitions).stream()
                .map(TopicSpec::name).toList());
    }
}
