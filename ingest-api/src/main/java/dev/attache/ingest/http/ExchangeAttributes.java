package dev.attache.ingest.http;

import dev.attache.ingest.auth.Caller;
import dev.attache.ingest.request.RequestIds;
import io.vertx.ext.web.RoutingContext;

/** What the HTTP layer keeps on a Vert.x exchange for the handlers after it: the request's ids and its caller. */
final class ExchangeAttributes {

    private static final String IDS = RequestIds.class.getName();
    private static final String CALLER = Caller.class.getName();

    private ExchangeAttributes() {
    }

    static RequestIds assignIds(RoutingContext rc) {
        RequestIds ids = RequestIds.assign(rc.request().getHeader("client-request-id"));
        rc.put(IDS, ids);
        return ids;
    }

    /** The ids of the request {@code rc} is handling. */
    static RequestIds ids(RoutingContext rc) {
        RequestIds ids = rc == null ? null : rc.get(IDS);
        return ids != null ? ids : RequestIds.unknown();
    }

    static void caller(RoutingContext rc, Caller caller) {
        rc.put(CALLER, caller);
    }

    /** The caller of the request {@code rc} handles; set for every request that reached a resource. */
    static Caller caller(RoutingContext rc) {
        return rc.get(CALLER);
    }
}
