package dev.attache.ingest.http;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.attache.ingest.api.GraphDispatcher;
import dev.attache.ingest.batch.BatchEndpoint;
import dev.attache.ingest.request.GraphRequest;
import dev.attache.ingest.request.GraphResponse;
import io.smallrye.common.annotation.Blocking;
import io.vertx.ext.web.RoutingContext;

/**
 * The Graph routes over HTTP. Graph paths (case-insensitive segments, OData keys, percent-encoded ids) cannot be
 * JAX-RS templates, so one catch-all path per method turns the exchange into a {@link GraphRequest} for the
 * {@link GraphDispatcher}, and writes what it answers.
 */
@Path("/")
public class GraphApiResource {

    private static final InputStream NO_BODY = InputStream.nullInputStream();

    /** {@code /v1.0/$batch} and {@code /beta/$batch}, the {@code $} possibly percent-encoded. */
    private static final Pattern BATCH = Pattern.compile("/(v1\\.0|beta)/(?:\\$|%24)batch", Pattern.CASE_INSENSITIVE);

    private final GraphDispatcher dispatcher;
    private final BatchEndpoint batch;
    private final PublicUrls urls;

    GraphApiResource(GraphDispatcher dispatcher, BatchEndpoint batch, PublicUrls urls) {
        this.dispatcher = dispatcher;
        this.batch = batch;
        this.urls = urls;
    }

    @POST
    @Path("{path: .+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, description = "Makes a create safe to retry: a "
            + "repeat is answered with the first outcome; another body with the same key is 422, a repeat while the "
            + "first is in flight 409. Remembered for the seconds the Idempotency-Retention header says.",
            schema = @Schema(type = SchemaType.STRING, maxLength = 255))
    @Parameter(name = "Prefer", in = ParameterIn.HEADER, description = "return=minimal: 204 with Location and "
            + "OData-EntityId instead of the entity", schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "Retry-Attempt", in = ParameterIn.HEADER, description = "Set by the Graph SDKs on their own "
            + "retries: with the same client-request-id and body, the retry is the same request",
            schema = @Schema(type = SchemaType.INTEGER))
    public Response post(RoutingContext rc, InputStream body) {
        Matcher batchPath = BATCH.matcher(rc.request().path());
        if (batchPath.matches()) {
            return write(rc, batch.run(request(rc, body), batchPath.group(1).toLowerCase(Locale.ROOT)));
        }
        return handle(rc, body);
    }

    @DELETE
    @Path("{path: .+}")
    @Blocking
    public Response delete(RoutingContext rc) {
        return handle(rc, NO_BODY);
    }

    @GET
    @Path("{path: .*}")
    @Blocking
    public Response get(RoutingContext rc) {
        return handle(rc, NO_BODY);
    }

    @PUT
    @Path("{path: .*}")
    public Response put(RoutingContext rc) {
        return handle(rc, NO_BODY);
    }

    @PATCH
    @Path("{path: .*}")
    public Response patch(RoutingContext rc) {
        return handle(rc, NO_BODY);
    }

    private Response handle(RoutingContext rc, InputStream body) {
        return write(rc, dispatcher.dispatch(request(rc, body)));
    }

    GraphRequest request(RoutingContext rc, InputStream body) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        rc.queryParams().forEach(e -> query.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<String, String> headers = new LinkedHashMap<>();
        rc.request().headers().forEach(e -> headers.putIfAbsent(e.getKey(), e.getValue()));
        return new GraphRequest(rc.request().method().name(), urls.baseUrl(rc), rc.request().path(), query, headers,
                ExchangeAttributes.caller(rc), ExchangeAttributes.ids(rc), body);
    }

    /**
     * The further headers go on the Vert.x response: JAX-RS would parse a {@code Location} as a URI and encode its
     * escapes a second time. What the body needs released is released when the exchange ends, written or not.
     */
    static Response write(RoutingContext rc, GraphResponse response) {
        response.headers().forEach((name, value) -> rc.response().putHeader(name, value));
        if (response.release() != null) {
            rc.addEndHandler(ended -> response.released());
        }
        Response.ResponseBuilder builder = Response.status(response.status());
        if (response.body() != null) {
            builder.entity(response.body()).type(response.contentType());
        }
        if (response.contentLength() >= 0) {
            builder.header("Content-Length", response.contentLength());
        }
        return builder.build();
    }
}
