package dev.attache.ingest.attachments;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import dev.attache.ingest.auth.Caller;
import dev.attache.ingest.auth.Permissions;
import dev.attache.ingest.error.GraphErrors;
import dev.attache.ingest.http.PublicUrls;
import dev.attache.ingest.representation.AttachmentJsonWriter;
import dev.attache.ingest.representation.ODataUrls;
import dev.attache.ingest.route.EventPath;
import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.schemas.attachment.AttachmentRecord;
import io.vertx.ext.web.RoutingContext;

/** {@code POST …/events/{E}/attachments}: HTTP in, HTTP out; the work is {@link AddAttachment}'s. */
@ApplicationScoped
public class AttachmentEndpoint {

    private final AddAttachment addAttachment;
    private final AttachmentJsonWriter writer;
    private final PublicUrls urls;

    AttachmentEndpoint(AddAttachment addAttachment, AttachmentJsonWriter writer, PublicUrls urls) {
        this.addAttachment = addAttachment;
        this.writer = writer;
        this.urls = urls;
    }

    public Response add(RoutingContext rc, Caller caller, EventPath event, InputStream body) {
        Permissions.checkWrite(caller, event);
        String base = urls.baseUrl(rc);
        String ownerId = event.toRoute(caller.objectId()).ownerId();
        AddAttachment.Result result = addAttachment.add(caller, event, body);
        if (result instanceof AddAttachment.Result.Created created) {
            AttachmentRecord record = created.record();
            // released after the body is written, or when the exchange ends without it (client gone)
            rc.addEndHandler(ended -> created.content().close());
            PublicUrls.location(rc, ODataUrls.attachment(base, event, ownerId, record.attachmentId()));
            return Response.status(201)
                    .type(GraphErrors.JSON)
                    .entity(writer.created(record, ODataUrls.entityContext(base, event, ownerId), created.content()))
                    .build();
        }
        AttachmentCommand command = ((AddAttachment.Result.Accepted) result).command();
        PublicUrls.location(rc, ODataUrls.attachment(base, event, ownerId, command.attachmentId()));
        return Response.status(202)
                .type(GraphErrors.JSON)
                .entity(pending(command, ODataUrls.entityContext(base, event, ownerId)))
                .build();
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
}
