package dev.attache.ingest.http;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.attache.ingest.error.GraphException;
import dev.attache.ingest.request.RequestIds;
import dev.attache.schemas.graph.GraphErrorCodes;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * Every failure leaves as a Graph error envelope with a JSON content type: what the client did wrong with its
 * status and code, anything else as a 500 without internals (the stack trace goes to the log, keyed by request id).
 */
public class GraphExceptionMappers {

    private static final Logger LOG = Logger.getLogger(GraphExceptionMappers.class);

    @Inject
    CurrentVertxRequest request;

    @ServerExceptionMapper
    public Response graph(GraphException e) {
        return GraphErrorResponses.response(e, ids());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return GraphErrorResponses.response(404, GraphErrorCodes.RESOURCE_NOT_FOUND,
                "Resource not found for the segment '" + request.getCurrent().request().path() + "'.", Map.of(),
                ids());
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        String allow = String.join(", ", e.getResponse().getAllowedMethods());
        return GraphErrorResponses.response(405, GraphErrorCodes.METHOD_NOT_ALLOWED,
                "The HTTP method '" + request.getCurrent().request().method() + "' is not allowed for this resource.",
                allow.isEmpty() ? Map.of() : Map.of("Allow", allow), ids());
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e) {
        return GraphErrorResponses.response(415, GraphErrorCodes.UNSUPPORTED_MEDIA_TYPE,
                "The request body must be JSON (Content-Type: application/json).", Map.of(), ids());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        return GraphErrorResponses.response(status, GraphErrorCodes.BAD_REQUEST,
                Response.Status.fromStatusCode(status) == null ? "The request is invalid."
                        : Response.Status.fromStatusCode(status).getReasonPhrase() + ".",
                Map.of(), ids());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        RequestIds ids = ids();
        LOG.errorf(e, "Unexpected failure of request %s", ids.requestId());
        return GraphErrorResponses.response(500, GraphErrorCodes.GENERAL_EXCEPTION,
                "An internal server error occurred. Quote request-id " + ids.requestId() + " when reporting it.",
                Map.of(), ids);
    }

    private RequestIds ids() {
        return ExchangeAttributes.ids(request.getCurrent());
    }
}
