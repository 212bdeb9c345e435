package dev.attache.ingest.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.attache.ingest.error.GraphErrorCodes;
import dev.attache.ingest.error.GraphErrors;
import dev.attache.ingest.upload.RequestLimits;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Vert.x handlers that run before any resource: they give every response Graph's headers, and refuse a body that
 * announces more than the request limit before a byte of it is read.
 */
@ApplicationScoped
public class GraphRequestHandlers {

    private final RequestLimits limits;

    GraphRequestHandlers(RequestLimits limits) {
        this.limits = limits;
    }

    void install(@Observes Router router) {
        router.route().order(-100).handler(this::handle);
    }

    void handle(RoutingContext rc) {
        RequestIds ids = RequestIds.assign(rc);
        rc.response()
                .putHeader("request-id", ids.requestId())
                .putHeader("client-request-id", ids.clientRequestId())
                .putHeader("OData-Version", "4.0")
                .putHeader(HttpHeaders.CACHE_CONTROL, "private");
        String declared = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && limits.exceeds(declared)) {
            // The body is never read, so the connection cannot carry another request.
            GraphErrors.endAndClose(rc, 413, GraphErrorCodes.REQUEST_TOO_LARGE, limits.tooLargeMessage());
            return;
        }
        rc.next();
    }
}
