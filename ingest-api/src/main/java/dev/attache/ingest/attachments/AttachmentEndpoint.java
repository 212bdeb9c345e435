package dev.attache.ingest.attachments;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.attache.ingest.auth.Caller;
import dev.attache.ingest.auth.Permissions;
import dev.attache.ingest.idempotency.IdempotencySettings;
import dev.attache.ingest.idempotency.RepeatMarks;
import dev.attache.ingest.representation.AttachmentJsonWriter;
import dev.attache.ingest.representation.ODataUrls;
import dev.attache.ingest.request.GraphRequest;
import dev.attache.ingest.request.GraphResponse;
import dev.attache.ingest.request.Preferences;
import dev.attache.ingest.route.EventPath;
import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.schemas.attachment.AttachmentRecord;

/** {@code POST …/events/{E}/attachments}: the request in, the response out; the work is {@link AddAttachment}'s. */
@ApplicationScoped
public class AttachmentEndpoint {

    private final AddAttachment addAttachment;
    private final AttachmentJsonWriter writer;
    private final IdempotencySettings idempotency;
    private final UploadFault faults;

    AttachmentEndpoint(AddAttachment addAttachment, AttachmentJsonWriter writer, IdempotencySettings idempotency,
            UploadFault faults) {
        this.addAttachment = addAttachment;
        this.writer = writer;
        this.idempotency = idempotency;
        this.faults = faults;
    }

    public GraphResponse add(GraphRequest request, EventPath event) {
        RepeatMarks marks = idempotency.marks(request);
        Caller caller = request.caller();
        Permissions.checkWrite(caller, event);
        String base = request.baseUrl();
        String ownerId = event.toRoute(caller.objectId()).ownerId();
        AddAttachment.Result result = addAttachment.add(caller, event, request.body(), marks,
                request.ids().trace());
        if (result instanceof AddAttachment.Result.Created created) {
            try {
                return created(request, event, ownerId, marks, created);
            } catch (RuntimeException e) {
                // the answer will not be written: its spooled echo goes now
                created.content().close();
                throw e;
            }
        }
        AttachmentCommand command = ((AddAttachment.Result.Accepted) result).command();
        if (marks.key() != null || marks.retryAttempt() > 0) {
            // It may be decided as a repeat of an earlier request, whose outcome stands instead: this request's own
            // id may never exist. The same request sent again answers the outcome, whichever it is.
            return GraphResponse.json(202, Map.of("status", "pending", "message", "Not decided yet. Send the same "
                            + "request again (with the same Idempotency-Key) to get its outcome."))
                    .withHeaders(idempotency.answerHeaders(marks, false));
        }
        return GraphResponse.json(202, pending(command, ODataUrls.entityContext(base, event, ownerId)))
                .withHeader("Location", ODataUrls.attachment(base, event, ownerId, command.attachmentId()));
    }

    private GraphResponse created(GraphRequest request, EventPath event, String ownerId, RepeatMarks marks,
            AddAttachment.Result.Created created) {
        AttachmentRecord record = created.record();
        String base = request.baseUrl();
        String location = ODataUrls.attachment(base, event, ownerId, record.attachmentId());
        faults.afterCommit(record.name(), marks);
        Map<String, String> headers = idempotency.answerHeaders(marks, created.replayed());
        if (Preferences.returnMinimal(request)) {
            created.content().close();
            return Preferences.minimal(location).withHeaders(headers);
        }
        return GraphResponse.json(201,
                        writer.created(record, ODataUrls.entityContext(base, event, ownerId), created.content()))
                .withHeader("Location", location)
                .withHeaders(headers)
                // released after the body is written, or when the exchange ends without it (client gone)
                .releasing(created.content()::close);
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
