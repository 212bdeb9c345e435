package dev.attache.processor.query;

import java.io.IOException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.jboss.logging.Logger;

import dev.attache.processor.health.RestoreTracker;
import dev.attache.processor.rules.LookupAnswer;
import dev.attache.processor.topology.AttachmentTopology;
import dev.attache.processor.topology.ProcessorConfig;
import dev.attache.schemas.kafka.ContractJson;

/**
 * Interactive queries of the processor's state: finds the instance that hosts an event's partition, reads there (here,
 * or by forwarding the request) and lets the rules of the {@link StateRead} decide the answer, with the shares and
 * memberships of the global stores, which every instance holds whole. Event lookups and attachment queries go the
 * same way: by the event key, in the sub-topology that holds both {@code events-store} and {@code attachments-store}.
 */
@ApplicationScoped
public class StateQueries {

    private static final Logger LOG = Logger.getLogger(StateQueries.class);

    private final KafkaStreams streams;
    private final RestoreTracker restores;
    private final LookupForwarder forwarder;
    /** This instance as the other instances see it in the metadata: {@code application.server}. */
    private final HostInfo self;

    public StateQueries(KafkaStreams streams, StreamsConfig streamsConfig, RestoreTracker restores,
            ProcessorConfig config) {
        this.streams = streams;
        this.restores = restores;
        this.forwarder = new LookupForwarder(config.lookupForwardTimeout());
        this.self = HostInfo.buildFromEndpoint(streamsConfig.getString(StreamsConfig.APPLICATION_SERVER_CONFIG));
    }

    /**
     * The answer to an event lookup (the request body, an {@code EventLookup}).
     *
     * @param forwarded whether another instance forwarded it here (it is then never forwarded again)
     * @param authorization the caller's verified service token, relayed if the read is forwarded
     */
    public LookupReply lookup(byte[] body, boolean forwarded, String authorization) {
        return read(StateRead.EVENT_LOOKUP, body, forwarded, authorization);
    }

    /**
     * The answer to an attachment query (the request body, an {@code AttachmentQuery}).
     *
     * @param forwarded whether another instance forwarded it here (it is then never forwarded again)
     * @param authorization the caller's verified service token, relayed if the read is forwarded
     */
    public LookupReply attachments(byte[] body, boolean forwarded, String authorization) {
        return read(StateRead.ATTACHMENT_QUERY, body, forwarded, authorization);
    }

    /**
     * The answer to an upload-session query (the request body, a {@code SessionQuery}).
     *
     * @param forwarded whether another instance forwarded it here (it is then never forwarded again)
     * @param authorization the caller's verified service token, relayed if the read is forwarded
     */
    public LookupReply session(byte[] body, boolean forwarded, String authorization) {
        return read(StateRead.SESSION_QUERY, body, forwarded, authorization);
    }

    private <Q> LookupReply read(StateRead<Q> read, byte[] body, boolean forwarded, String authorization) {
        Optional<Q> parsed = parse(body, read.type());
        Optional<String> defect = parsed.isPresent()
                ? read.defect().apply(parsed.get())
                : Optional.of("the body is not an " + read.type().getSimpleName() + " JSON object");
        if (defect.isPresent()) {
            return LookupReply.of(LookupAnswer.refused(read.malformed().apply(defect.get())));
        }
        Q query = parsed.get();
        String key = read.eventKey().apply(query);
        KafkaStreams.State state = streams.state();
        if (state != KafkaStreams.State.RUNNING) {
            return unavailable(read, key, "the streams are " + state);
        }
        KeyQueryMetadata metadata;
        try {
            // events-store and attachments-store are in one sub-topology: the event key's partition of either
            metadata = streams.queryMetadataForKey(AttachmentTopology.EVENTS_STORE, key, new StringSerializer());
        } catch (InvalidStateStoreException | IllegalStateException e) {
            return unavailable(read, key, e.getMessage());
        }
        LookupRouting.Target target = LookupRouting.target(self, metadata, forwarded);
        if (target instanceof LookupRouting.Local local) {
            return local(read, query, key, local.partition());
        }
        if (target instanceof LookupRouting.Remote remote) {
            return forwarder.forward(remote.host(), read.path(), body, authorization);
        }
        return unavailable(read, key, ((LookupRouting.Unavailable) target).reason());
    }

    /** Reads this instance's partition of the stores, the registry from the global stores. */
    private <Q> LookupReply local(StateRead<Q> read, Q query, String key, int partition) {
        // Kafka Streams lets a store be queried while its task restores (it is open): refuse what may lag
        for (String store : read.stores()) {
            if (restores.restoring(store, partition)) {
                return unavailable(read, key, "partition " + partition + " of " + store + " is restoring");
            }
        }
        try {
            return LookupReply.of(read.answer().apply(query, new PartitionStores(streams, partition)));
        } catch (InvalidStateStoreException | IllegalStateException e) {
            // migrated, closed or not RUNNING any more since the checks above (a rebalance started)
            return unavailable(read, key, e.getMessage());
        }
    }

    private static LookupReply unavailable(StateRead<?> read, String key, String why) {
        LOG.debugf("%s for %s unavailable: %s", read.path(), key, why);
        return LookupReply.unavailable();
    }

    private static <Q> Optional<Q> parse(byte[] body, Class<Q> type) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(ContractJson.MAPPER.readValue(body, type));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
