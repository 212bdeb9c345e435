package dev.attache.processor.query;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import dev.attache.processor.rules.AttachmentQueryRules;
import dev.attache.processor.rules.GraphErrors;
import dev.attache.processor.rules.LookupAnswer;
import dev.attache.processor.rules.LookupRules;
import dev.attache.processor.rules.SessionRules;
import dev.attache.processor.topology.AttachmentTopology;
import dev.attache.schemas.attachment.AttachmentQuery;
import dev.attache.schemas.attachment.ReplyError;
import dev.attache.schemas.event.EventLookup;
import dev.attache.schemas.kafka.AttachmentKeys;
import dev.attache.schemas.session.SessionQuery;

/**
 * One kind of read that {@link StateQueries} serves: where it is posted, what its body is, the rules that judge it
 * and answer it, and the stores it reads. Every kind is routed alike, by the event key: an event, its commands and
 * its attachments share one partition of one sub-topology.
 *
 * @param path where it is posted (and forwarded)
 * @param type its JSON body
 * @param defect why a parsed body cannot be judged ({@code 400}), or empty
 * @param malformed the {@code 400} for a defect
 * @param eventKey the key whose partition holds what it reads
 * @param stores the partitioned stores it reads: it is not answered while any of them restores on its partition
 * @param answer the decision, over this instance's stores of the partition
 */
record StateRead<Q>(String path, Class<Q> type, Function<Q, Optional<String>> defect,
        Function<String, ReplyError> malformed, Function<Q, String> eventKey, List<String> stores,
        BiFunction<Q, PartitionStores, LookupAnswer> answer) {

    /** {@code POST /internal/events/lookup}: one event of the registry. */
    static final StateRead<EventLookup> EVENT_LOOKUP = new StateRead<>(EventLookup.PATH, EventLookup.class,
            LookupRules::defect, GraphErrors::malformedLookup, LookupRules::key,
            List.of(AttachmentTopology.EVENTS_STORE),
            (lookup, stores) -> LookupRules.answer(lookup, stores.events()::get, stores.registry()));

    /** {@code POST /internal/upload-sessions/query}: one upload session, for the front that continues it. */
    static final StateRead<SessionQuery> SESSION_QUERY = new StateRead<>(SessionQuery.PATH, SessionQuery.class,
            SessionRules::queryDefect, GraphErrors::malformedSessionQuery, query -> AttachmentKeys.eventKey(
                    query.tenantId(), query.eventId()), List.of(AttachmentTopology.SESSIONS_STORE),
            (query, stores) -> SessionRules.answer(query, stores.sessions().get(SessionRules.queryKey(query))));

    /** {@code POST /internal/attachments/query}: an event's attachments, or one of them. */
    static final StateRead<AttachmentQuery> ATTACHMENT_QUERY = new StateRead<>(AttachmentQuery.PATH,
            AttachmentQuery.class, AttachmentQueryRules::defect, GraphErrors::malformedAttachmentQuery,
            AttachmentQueryRules::key, List.of(AttachmentTopology.EVENTS_STORE, AttachmentTopology.ATTACHMENTS_STORE),
            (query, stores) -> AttachmentQueryRules.answer(query, stores.events()::get, stores.attachments(),
                    stores.registry()));
}
