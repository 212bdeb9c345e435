package dev.attache.ingest.http;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.attache.ingest.request.RequestIds;
import dev.attache.ingest.body.RequestLimits;
import dev.attache.ingest.sessions.SessionSettings;
import dev.attache.ingest.sessions.UploadUrls;
import dev.attache.schemas.graph.GraphErrorCodes;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Vert.x handlers that run before any resource: they give every response Graph's headers, refuse a request line or
 * headers beyond their limits, and refuse a body that announces more than the request limit before a byte of it is
 * read, each in Graph's error envelope.
 */
@ApplicationScoped
public class GraphRequestHandlers {

    private final RequestLimits limits;
    private final SessionSettings sessions;
    private final RequestShape shape;

    GraphRequestHandlers(RequestLimits limits, SessionSettings sessions,
            @ConfigProperty(name = "attache.ingest.max-uri-length") int maxUriLength,
            @ConfigProperty(name = "attache.ingest.max-header-bytes") int maxHeaderBytes) {
        this.limits = limits;
        this.sessions = sessions;
        this.shape = new RequestShape(maxUriLength, maxHeaderBytes);
    }

    /**
     * Path-less and first, so it runs before Vert.x Web normalises the path (which refuses a bad escape with an
     * empty 400). The error handlers are the backstop for refusals that still come from Vert.x Web itself.
     */
    void install(@Observes Router router) {
        router.route().order(-200).handler(this::handle);
        for (int status : new int[] {400, 413, 414, 431}) {
            router.errorHandler(status, rc -> GraphErrorResponses.end(rc, status,
                    status == 400 ? GraphErrorCodes.BAD_REQUEST
                    : status == 413 ? GraphErrorCodes.REQUEST_TOO_LARGE
                    : status == 414 ? GraphErrorCodes.URI_TOO_LONG : GraphErrorCodes.HEADERS_TOO_LARGE,
                    "The request was refused: " + HttpResponseStatus.valueOf(status).reasonPhrase() + "."));
        }
    }

    void handle(RoutingContext rc) {
        RequestIds ids = ExchangeAttributes.assignIds(rc);
        rc.response()
                .putHeader("request-id", ids.requestId())
                .putHeader("client-request-id", ids.clientRequestId())
                .putHeader("OData-Version", "4.0")
                .putHeader(HttpHeaders.CACHE_CONTROL, "private");
        Optional<RequestShape.Refusal> refusal = shape.check(rc.request().uri(), rc.request().headers());
        if (refusal.isPresent()) {
            // the body, if any, is never read
            GraphErrorResponses.endAndClose(rc, refusal.get().status(), refusal.get().code(), refusal.get().message());
            return;
        }
        String declared = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && rc.request().path().startsWith(UploadUrls.PATH_PREFIX)) {
            if (exceeds(declared, sessions.maxSliceBytes())) {
                GraphErrorResponses.endAndClose(rc, 413, GraphErrorCodes.REQUEST_TOO_LARGE, "A slice may be at most "
                        + sessions.maxSliceBytes() + " bytes; send smaller slices.");
                return;
            }
        } else if (declared != null && limits.exceeds(declared)) {
            // The body is never read, so the connection cannot carry another request.
            GraphErrorResponses.endAndClose(rc, 413, GraphErrorCodes.REQUEST_TOO_LARGE, limits.tooLargeMessage());
            return;
        }
        rc.next();
    }

    private static boolean exceeds(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
