package dev.attache.processor.objects;

import java.util.Optional;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.attache.processor.query.InternalCallers;
import dev.attache.schemas.attachment.ReplyError;
import io.smallrye.common.annotation.Blocking;

/**
 * {@code POST /internal/sweep[?dryRun=true]}: one sweep now, answered with its {@link SweepReport}
 * ({@code ./attache sweep} calls it). Internal: the caller shows a service token for this path, like every caller of
 * the internal API.
 */
@Path(SweepResource.PATH)
public class SweepResource {

    public static final String PATH = "/internal/sweep";

    private final OrphanSweeper sweeper;
    private final InternalCallers callers;

    SweepResource(OrphanSweeper sweeper, InternalCallers callers) {
        this.sweeper = sweeper;
        this.callers = callers;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    public Response sweep(byte[] body, @QueryParam("dryRun") boolean dryRun,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Optional<ReplyError> refused = callers.refusal(authorization, PATH, body);
        if (refused.isPresent()) {
            return Response.status(refused.get().status()).entity(refused.get()).build();
        }
        try {
            return Response.ok(sweeper.sweep(dryRun)).build();
        } catch (IllegalStateException e) {
            return Response.status(503).header(HttpHeaders.RETRY_AFTER, "10")
                    .entity(new ReplyError(503, "ServiceUnavailable", e.getMessage())).build();
        }
    }
}
