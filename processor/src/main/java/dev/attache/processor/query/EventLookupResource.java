package dev.attache.processor.query;

import java.util.Optional;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.attache.processor.rules.LookupAnswer;
import dev.attache.schemas.attachment.ReplyError;
import dev.attache.schemas.event.EventLookup;
import io.smallrye.common.annotation.Blocking;

/**
 * {@code POST /internal/events/lookup}: ingest-api's read of one event (body {@link EventLookup}); answered by
 * {@link StateQueries}. Internal: callers prove who they are with a service
 * token ({@link InternalCallers}), and it is never exposed to clients.
 */
@Path(EventLookup.PATH)
public class EventLookupResource {

    private final StateQueries queries;
    private final InternalCallers callers;

    public EventLookupResource(StateQueries queries, InternalCallers callers) {
        this.queries = queries;
        this.callers = callers;
    }

    /** The body is read as bytes so that it is forwarded as it came and a malformed one is answered {@code 400}. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    public Response lookup(byte[] body, @HeaderParam(LookupForwarder.FORWARDED_HEADER) String forwarded,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Optional<ReplyError> refused = callers.refusal(authorization, EventLookup.PATH, body);
        if (refused.isPresent()) {
            return LookupReply.of(LookupAnswer.refused(refused.get())).toResponse();
        }
        return queries.lookup(body, forwarded != null, authorization).toResponse();
    }
}
