package dev.attache.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import dev.attache.schemas.kafka.AttachmentKeys;

class EventPartitionerTest {

    @Test
    void anEventsRecordsLandInThePartitionKafkaPicksForItsCommands() {
        StringSerializer commandKeys = new StringSerializer();
        for (int event = 0; event < 200; event++) {
            String eventId = "AAMkAGI1AAAt9AH/" + event + "+é=";
            String eventKey = AttachmentKeys.eventKey("tenant-" + (event % 7), eventId);
            String attachmentKey = AttachmentKeys.attachmentKey("tenant-" + (event % 7), eventId, "att" + event);
            for (int partitions : new int[] {1, 3, 6, 12, 50}) {
                // what the producer's default partitioner does with the command key
                int commandPartition = BuiltInPartitioner.partitionForKey(
                        commandKeys.serialize("attachment-commands", eventKey), partitions);

                assertThat(new EventPartitioner<>().partitions("attachments", attachmentKey, null, partitions))
                        .isEqualTo(Optional.of(Set.of(commandPartition)));
                assertThat(AttachmentTopology.BY_EVENT_KEY.partitions("calendar-events", eventKey, null, partitions))
                        .as("the event itself, on calendar-events").isEqualTo(Optional.of(Set.of(commandPartition)));
            }
        }
    }
}
