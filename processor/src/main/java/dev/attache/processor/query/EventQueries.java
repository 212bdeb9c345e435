package dev.attache.processor.query;

import java.io.IOException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.jboss.logging.Logger;

import dev.attache.processor.health.RestoreTracker;
import dev.attache.processor.rules.GraphErrors;
import dev.attache.processor.rules.LookupAnswer;
import dev.attache.processor.rules.LookupRules;
import dev.attache.processor.rules.Registry;
import dev.attache.processor.topology.AttachmentTopology;
import dev.attache.processor.topology.ProcessorConfig;
import dev.attache.processor.topology.StoreRegistry;
import dev.attache.schemas.event.CalendarEvent;
import dev.attache.schemas.event.CalendarShare;
import dev.attache.schemas.event.EventLookup;
import dev.attache.schemas.event.GroupMembership;
import dev.attache.schemas.kafka.ContractJson;

/**
 * Interactive queries of the events registry: finds the instance that hosts an event's partition of
 * {@code events-store}, reads the event there (here, or by forwarding the request) and lets {@link LookupRules}
 * decide the answer with the shares and memberships of the global stores, which every instance holds whole.
 */
@ApplicationScoped
public class EventQueries {

    private static final Logger LOG = Logger.getLogger(EventQueries.class);

    private final KafkaStreams streams;
    private final RestoreTracker restores;
    private final LookupForwarder forwarder;
    /** This instance as the other instances see it in the metadata: {@code application.server}. */
    private final HostInfo self;

    public EventQueries(KafkaStreams streams, StreamsConfig streamsConfig, RestoreTracker restores,
            ProcessorConfig config) {
        this.streams = streams;
        this.restores = restores;
        this.forwarder = new LookupForwarder(config.lookupForwardTimeout());
        this.self = HostInfo.buildFromEndpoint(streamsConfig.getString(StreamsConfig.APPLICATION_SERVER_CONFIG));
    }

    /**
     * The answer to a lookup (the request body, an {@link EventLookup}).
     *
     * @param forwarded whether another instance forwarded it here (it is then never forwarded again)
     */
    public LookupReply lookup(byte[] body, boolean forwarded) {
        Optional<EventLookup> parsed = parse(body);
        Optional<String> defect = parsed.isPresent()
                ? LookupRules.defect(parsed.get())
                : Optional.of("the body is not an EventLookup JSON object");
        if (defect.isPresent()) {
            return LookupReply.of(LookupAnswer.refused(GraphErrors.malformedLookup(defect.get())));
        }
        EventLookup lookup = parsed.get();
        KafkaStreams.State state = streams.state();
        if (state != KafkaStreams.State.RUNNING) {
            return unavailable(lookup, "the streams are " + state);
        }
        KeyQueryMetadata metadata;
        try {
            metadata = streams.queryMetadataForKey(AttachmentTopology.EVENTS_STORE, LookupRules.key(lookup),
                    new StringSerializer());
        } catch (InvalidStateStoreException | IllegalStateException e) {
            return unavailable(lookup, e.getMessage());
        }
        LookupRouting.Target target = LookupRouting.target(self, metadata, forwarded);
        if (target instanceof LookupRouting.Local local) {
            return local(lookup, local.partition());
        }
        if (target instanceof LookupRouting.Remote remote) {
            return forwarder.forward(remote.host(), body);
        }
        return unavailable(lookup, ((LookupRouting.Unavailable) target).reason());
    }

    /** Reads the event from this instance's partition of the store, the registry from the global stores. */
    private LookupReply local(EventLookup lookup, int partition) {
        // Kafka Streams lets a store be queried while its task restores (it is open): refuse what may lag
        if (restores.restoring(AttachmentTopology.EVENTS_STORE, partition)) {
            return unavailable(lookup, "partition " + partition + " of the store is restoring");
        }
        try {
            ReadOnlyKeyValueStore<String, CalendarEvent> events = streams.store(StoreQueryParameters
                    .fromNameAndType(AttachmentTopology.EVENTS_STORE,
                            QueryableStoreTypes.<String, CalendarEvent>keyValueStore())
                    .withPartition(partition));
            ReadOnlyKeyValueStore<String, CalendarShare> shares = streams.store(StoreQueryParameters
                    .fromNameAndType(AttachmentTopology.SHARES_STORE, QueryableStoreTypes.keyValueStore()));
            ReadOnlyKeyValueStore<String, GroupMembership> memberships = streams.store(StoreQueryParameters
                    .fromNameAndType(AttachmentTopology.MEMBERSHIPS_STORE, QueryableStoreTypes.keyValueStore()));
            Registry registry = new StoreRegistry(shares, memberships);
            return LookupReply.of(LookupRules.answer(lookup, events::get, registry));
        } catch (InvalidStateStoreException | IllegalStateException e) {
            // migrated, closed or not RUNNING any more since the checks above (a rebalance started)
            return unavailable(lookup, e.getMessage());
        }
    }

    private static LookupReply unavailable(EventLookup lookup, String why) {
        LOG.debugf("Event lookup %s unavailable: %s", LookupRules.key(lookup), why);
        return LookupReply.unavailable();
    }

    private static Optional<EventLookup> parse(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(ContractJson.MAPPER.readValue(body, EventLookup.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
