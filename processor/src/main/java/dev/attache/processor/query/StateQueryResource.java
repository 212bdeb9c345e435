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
import dev.attache.schemas.attachment.AttachmentQuery;
import dev.attache.schemas.attachment.ReplyError;
import dev.attache.schemas.session.SessionQuery;
import io.smallrye.common.annotation.Blocking;

/**
 * ingest-api's reads of the processor's state, answered by {@link StateQueries}: {@code POST
 * /internal/attachments/query} (an event's attachments, all or one: body {@link AttachmentQuery}) and {@code POST
 * /internal/upload-sessions/query} (one upload session, before a slice and for a status read: body
 * {@link SessionQuery}). Internal: callers prove who they are with a service token ({@link InternalCallers}); never
 * exposed to clients. Bodies are read as bytes so that they are forwarded as they came and a malformed one is
 * answered {@code 400}.
 */
@Path("/")
public class StateQueryResource {

    private final StateQueries queries;
    private final InternalCallers callers;

    public StateQueryResource(StateQueries queries, InternalCallers callers) {
        this.queries = queries;
        this.callers = callers;
    }

    @POST
    @Path(AttachmentQuery.PATH)
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    public Response attachments(byte[] body, @HeaderParam(LookupForwarder.FORWARDED_HEADER) String forwarded,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return refusal(authorization, AttachmentQuery.PATH, body)
                .orElseGet(() -> queries.attachments(body, forwarded != null, authorization).toResponse());
    }

    @POST
    @Path(SessionQuery.PATH)
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    public Response session(byte[] body, @HeaderParam(LookupForwarder.FORWARDED_HEADER) String forwarded,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return refusal(authorization, SessionQuery.PATH, body)
                .orElseGet(() -> queries.session(body, forwarded != null, authorization).toResponse());
    }

    private Optional<Response> refusal(String authorization, String path, byte[] body) {
        Optional<ReplyError> refused = callers.refusal(authorization, path, body);
        return refused.map(error -> LookupReply.of(LookupAnswer.refused(error)).toResponse());
    }
}
