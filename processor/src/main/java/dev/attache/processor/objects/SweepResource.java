package dev.attache.processor.objects;

import java.io.IOException;
import java.util.Optional;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import dev.attache.processor.query.InternalCallers;
import dev.attache.schemas.attachment.ReplyError;
import dev.attache.schemas.kafka.ContractJson;
import io.smallrye.common.annotation.Blocking;

/**
 * {@code POST /internal/sweep}, body {@code {"dryRun": true|false}} (empty: a real sweep): one sweep now, answered
 * with its {@link SweepReport} ({@code ./attache sweep} calls it). Internal: the caller shows a service token for this
 * path and this body, like every caller of the internal API, so a token for a dry run is no token for a sweep.
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
    public Response sweep(byte[] body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Optional<ReplyError> refused = callers.refusal(authorization, PATH, body);
        if (refused.isPresent()) {
            return Response.status(refused.get().status()).entity(refused.get()).build();
        }
        Boolean dryRun = dryRun(body);
        if (dryRun == null) {
            return Response.status(400).entity(new ReplyError(400, "BadRequest",
                    "The body is {\"dryRun\": true} or {\"dryRun\": false}, or empty.")).build();
        }
        try {
            return Response.ok(sweeper.sweep(dryRun)).build();
        } catch (IllegalStateException e) {
            return Response.status(503).header(HttpHeaders.RETRY_AFTER, "10")
                    .entity(new ReplyError(503, "ServiceUnavailable", e.getMessage())).build();
        }
    }

    /** The body's {@code dryRun}: false when the body is empty, null when it is anything but a boolean there. */
    static Boolean dryRun(byte[] body) {
        if (body == null || body.length == 0) {
            return false;
        }
        try {
            JsonNode json = ContractJson.MAPPER.readTree(body);
            JsonNode flag = json == null ? null : json.get("dryRun");
            return flag != null && flag.isBoolean() && json.size() == 1 ? flag.booleanValue() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
