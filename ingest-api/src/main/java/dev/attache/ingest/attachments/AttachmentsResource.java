package dev.attache.ingest.attachments;

import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.attache.ingest.auth.Caller;
import dev.attache.ingest.auth.Permissions;
import dev.attache.ingest.error.GraphErrorCodes;
import dev.attache.ingest.error.GraphErrors;
import dev.attache.ingest.error.GraphException;
import dev.attache.ingest.representation.AttachmentJsonWriter;
import dev.attache.ingest.representation.ODataUrls;
import dev.attache.ingest.route.AttachmentsPath;
import dev.attache.ingest.route.EventPath;
import dev.attache.ingest.route.GraphPaths;
import dev.attache.ingest.auth.BearerTokenFilter;
import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.schemas.attachment.AttachmentRecord;
import io.smallrye.common.annotation.Blocking;
import io.vertx.ext.web.RoutingContext;

/**
 * The Graph attachment routes. Paths are parsed by {@link GraphPaths} (case-insensitive segments, OData keys,
 * percent-encoded ids), which JAX-RS templates cannot express, so one catch-all path per method hands over to it.
 */
@Path("/")
public class AttachmentsResource {

    private final AddAttachment addAttachment;
    private final AttachmentJsonWriter writer;
    private final String publicUrl;

    AttachmentsResource(AddAttachment addAttachment, AttachmentJsonWriter writer,
            @ConfigProperty(name = "attache.ingest.public-url") java.util.Optional<String> publicUrl) {
        this.addAttachment = addAttachment;
        this.writer = writer;
        this.publicUrl = publicUrl.map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u).orElse(null);
    }

    @POST
    @Path("{path: .+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    public Response post(RoutingContext rc, InputStream body) {
        AttachmentsPath path = route(rc);
        if (!path.isCollection()) {
            throw notAllowed(rc);
        }
        Caller caller = BearerTokenFilter.caller(rc);
        EventPath event = path.event();
        Permissions.checkWrite(caller, event);
        String base = baseUrl(rc);
        String ownerId = event.toRoute(caller.objectId()).ownerId();
        AddAttachment.Result result = addAttachment.add(caller, event, body);
        if (result instanceof AddAttachment.Result.Created created) {
            AttachmentRecord record = created.record();
            location(rc, ODataUrls.attachment(base, event, ownerId, record.attachmentId()));
            return Response.status(201)
                    .type(GraphErrors.JSON)
                    .entity(writer.body(record, ODataUrls.entityContext(base, event, ownerId)))
                    .build();
        }
        AttachmentCommand command = ((AddAttachment.Result.Accepted) result).command();
        location(rc, ODataUrls.attachment(base, event, ownerId, command.attachmentId()));
        return Response.status(202)
                .type(GraphErrors.JSON)
                .entity(pending(command, ODataUrls.entityContext(base, event, ownerId)))
                .build();
    }

    @GET
    @Path("{path: .*}")
    public Response get(RoutingContext rc) {
        route(rc);
        throw notAllowed(rc);
    }

    @DELETE
    @Path("{path: .*}")
    public Response delete(RoutingContext rc) {
        route(rc);
        throw notAllowed(rc);
    }

    @PUT
    @Path("{path: .*}")
    public Response put(RoutingContext rc) {
        route(rc);
        throw notAllowed(rc);
    }

    @PATCH
    @Path("{path: .*}")
    public Response patch(RoutingContext rc) {
        route(rc);
        throw notAllowed(rc);
    }

    /** Set on the Vert.x response: JAX-RS would parse the value as a URI and encode its escapes a second time. */
    private static void location(RoutingContext rc, String url) {
        rc.response().putHeader("Location", url);
    }

    private static AttachmentsPath route(RoutingContext rc) {
        String raw = rc.request().path();
        return GraphPaths.parse(raw).orElseThrow(() -> GraphException.notFound(
                "Resource not found for the segment '" + raw + "'."));
    }

    private static GraphException notAllowed(RoutingContext rc) {
        return new GraphException(405, GraphErrorCodes.METHOD_NOT_ALLOWED,
                "The HTTP method '" + rc.request().method() + "' is not allowed for this resource.",
                Map.of("Allow", "POST"), null);
    }

    /** What a late reply leaves the client: the id and where the attachment will be (202, never a retry code). */
    private static Map<String, Object> pending(AttachmentCommand command, String context) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", context);
        body.put("id", command.attachmentId());
        body.put("name", command.attachment().name());
        body.put("status", "pending");
        return body;
    }

    private String baseUrl(RoutingContext rc) {
        if (publicUrl != null) {
            return publicUrl;
        }
        try {
            URI uri = URI.create(rc.request().absoluteURI());
            return uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (RuntimeException e) {
            return "http://localhost";
        }
    }
}
