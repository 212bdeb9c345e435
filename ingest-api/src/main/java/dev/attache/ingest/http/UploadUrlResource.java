package dev.attache.ingest.http;

import java.io.InputStream;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import dev.attache.ingest.sessions.UploadUrlEndpoint;
import dev.attache.ingest.sessions.UploadUrls;
import io.smallrye.common.annotation.Blocking;
import io.vertx.ext.web.RoutingContext;

/**
 * The upload URLs of upload sessions, {@code /upload/sessions/{session}?authtoken=…}: outside the Graph routes, as
 * Outlook's are, and authorised by their token alone ({@link BearerTokenFilter} lets them through; an
 * {@code Authorization} header a client sends anyway is ignored). Any content type is taken as bytes.
 */
@Path(UploadUrls.PATH_PREFIX + "{session}")
public class UploadUrlResource {

    private final UploadUrlEndpoint endpoint;
    private final PublicUrls urls;

    UploadUrlResource(UploadUrlEndpoint endpoint, PublicUrls urls) {
        this.endpoint = endpoint;
        this.urls = urls;
    }

    @PUT
    @Blocking
    public Response put(RoutingContext rc, @PathParam("session") String session,
            @QueryParam("authtoken") String token, InputStream body) {
        return GraphApiResource.write(rc, endpoint.put(session, token, rc.request().getHeader("Content-Range"),
                rc.request().getHeader("Content-Length"), body, urls.baseUrl(rc), ExchangeAttributes.ids(rc).trace()));
    }

    @GET
    @Blocking
    public Response status(RoutingContext rc, @PathParam("session") String session,
            @QueryParam("authtoken") String token) {
        return GraphApiResource.write(rc, endpoint.status(session, token, ExchangeAttributes.ids(rc).trace()));
    }

    @DELETE
    @Blocking
    public Response cancel(RoutingContext rc, @PathParam("session") String session,
            @QueryParam("authtoken") String token) {
        return GraphApiResource.write(rc, endpoint.cancel(session, token, ExchangeAttributes.ids(rc).trace()));
    }
}
