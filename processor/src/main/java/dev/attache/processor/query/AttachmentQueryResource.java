package dev.attache.processor.query;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.attache.schemas.attachment.AttachmentQuery;
import io.smallrye.common.annotation.Blocking;

/**
 * {@code POST /internal/attachments/query}: ingest-api's read of an event's attachments, all or one (body
 * {@link AttachmentQuery}); answered by {@link StateQueries}. Internal: reachable inside the cluster only, never
 * exposed to clients.
 */
@Path(AttachmentQuery.PATH)
public class AttachmentQueryResource {

    private final StateQueries queries;

    public AttachmentQueryResource(StateQueries queries) {
        this.queries = queries;
    }

    /** The body is read as bytes so that it is forwarded as it came and a malformed one is answered {@code 400}. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    public Response query(byte[] body, @HeaderParam(LookupForwarder.FORWARDED_HEADER) String forwarded) {
        return queries.attachments(body, forwarded != null).toResponse();
    }
}
