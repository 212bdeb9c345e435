package dev.attache.processor.query;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.attache.schemas.event.EventLookup;
import io.smallrye.common.annotation.Blocking;

/**
 * {@code POST /internal/events/lookup}: ingest-api's read of one event (body {@link EventLookup}); answered by
 * {@link StateQueries}. Internal: reachable inside the cluster only, never exposed to clients.
 */
@Path(EventLookup.PATH)
public class EventLookupResource {

    private final StateQueries queries;

    public EventLookupResource(StateQueries queries) {
        this.queries = queries;
    }

    /** The body is read as bytes so that it is forwarded as it came and a malformed one is answered {@code 400}. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    public Response lookup(byte[] body, @HeaderParam(LookupForwarder.FORWARDED_HEADER) String forwarded) {
        return queries.lookup(body, forwarded != null).toResponse();
    }
}
