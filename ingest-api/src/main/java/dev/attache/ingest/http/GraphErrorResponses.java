package dev.attache.ingest.http;

import java.util.Map;

import jakarta.ws.rs.core.Response;

import dev.attache.ingest.error.GraphErrorBody;
import dev.attache.ingest.error.GraphException;
import dev.attache.ingest.request.GraphResponse;
import dev.attache.ingest.request.RequestIds;
import dev.attache.schemas.kafka.ContractJson;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** Builds Graph error responses, for JAX-RS and for plain Vert.x handlers alike. */
final class GraphErrorResponses {

    private static final String JSON = GraphResponse.JSON;

    private GraphErrorResponses() {
    }

    static Response response(int status, String code, String message, Map<String, String> headers,
            RequestIds ids) {
        Response.ResponseBuilder builder = Response.status(status)
                .type(JSON)
                .entity(GraphErrorBody.of(code, message, ids.requestId(), ids.clientRequestId()));
        headers.forEach(builder::header);
        return builder.build();
    }

    static Response response(GraphException e, RequestIds ids) {
        return response(e.status(), e.code(), e.getMessage(), e.headers(), ids);
    }

    /** Ends {@code rc}'s response with a Graph error, outside JAX-RS. */
    static void end(RoutingContext rc, int status, String code, String message) {
        RequestIds ids = ExchangeAttributes.ids(rc);
        byte[] body;
        try {
            body = ContractJson.MAPPER.writeValueAsBytes(
                    GraphErrorBody.of(code, message, ids.requestId(), ids.clientRequestId()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(Buffer.buffer(body));
    }

    /** Ends with a Graph error and closes the connection: for a request whose body will not be read. */
    static void endAndClose(RoutingContext rc, int status, String code, String message) {
        rc.response().putHeader(HttpHeaders.CONNECTION, "close");
        rc.response().endHandler(ended -> rc.request().connection().close());
        end(rc, status, code, message);
    }
}
