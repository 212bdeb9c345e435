package dev.attache.ingest.sessions;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.attache.ingest.auth.Caller;
import dev.attache.ingest.auth.Permissions;
import dev.attache.ingest.body.AttachmentItemParser;
import dev.attache.ingest.body.AttachmentItemParser.AttachmentItem;
import dev.attache.ingest.command.CommandGateway;
import dev.attache.ingest.command.CommandIds;
import dev.attache.ingest.command.CommandNotAppendedException;
import dev.attache.ingest.command.CommandOutcome;
import dev.attache.ingest.command.Origins;
import dev.attache.ingest.error.GraphException;
import dev.attache.ingest.idempotency.Fingerprints;
import dev.attache.ingest.idempotency.IdempotencySettings;
import dev.attache.ingest.idempotency.RepeatMarks;
import dev.attache.ingest.request.GraphRequest;
import dev.attache.ingest.request.GraphResponse;
import dev.attache.ingest.route.EventPath;
import dev.attache.ingest.s3.ObjectStore;
import dev.attache.ingest.s3.StoreFailedException;
import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.schemas.attachment.AttachmentReply;
import dev.attache.schemas.graph.GraphErrorCodes;
import dev.attache.schemas.session.SessionStep;
import dev.attache.schemas.session.UploadSession;

/**
 * {@code POST …/events/{E}/attachments/createUploadSession} (graph-compatibility.md §3.6): begins the S3 multipart
 * upload, appends the session's opening and answers the {@code uploadSession} once the processor has committed it,
 * with the access rules of a POST and its {@code Idempotency-Key} semantics (a repeat gets the first session, whose
 * upload URL is the same).
 */
@ApplicationScoped
public class UploadSessionEndpoint {

    private static final Logger LOG = Logger.getLogger(UploadSessionEndpoint.class);

    private final AttachmentItemParser parser;
    private final ObjectStore store;
    private final CommandGateway gateway;
    private final IdempotencySettings idempotency;
    private final SessionSettings settings;
    private final UploadUrls urls;
    private final Clock clock;

    UploadSessionEndpoint(AttachmentItemParser parser, ObjectStore store, CommandGateway gateway,
            IdempotencySettings idempotency, SessionSettings settings, UploadUrls urls, Clock clock) {
        this.parser = parser;
        this.store = store;
        this.gateway = gateway;
        this.idempotency = idempotency;
        this.settings = settings;
        this.urls = urls;
        this.clock = clock;
    }

    public GraphResponse create(GraphRequest request, EventPath event) {
        RepeatMarks marks = idempotency.marks(request);
        Caller caller = request.caller();
        Permissions.checkWrite(caller, event);
        AttachmentItem item = parser.parse(request.body());
        refuseSize(item.size());
        AttachmentCommand.Origin origin = Origins.of(caller, event);
        String attachmentId = CommandIds.next();
        String sessionId = CommandIds.next();
        String uploadId;
        try {
            uploadId = store.beginUpload(caller.tenantId(), attachmentId);
        } catch (StoreFailedException e) {
            throw GraphException.unavailable("The attachment store is unavailable; nothing was saved. Retry later.",
                    5, e);
        }
        UploadSession opened = new UploadSession(UploadSession.SCHEMA_VERSION, sessionId, caller.tenantId(),
                event.eventId(), attachmentId, origin.route(), origin.principal(), item.input(), item.size(),
                Instant.ofEpochMilli(marks.receivedAt()).plus(settings.lifetime()).toString(), store.bucket(),
                ObjectStore.objectKey(caller.tenantId(), attachmentId), uploadId, 0, List.of(), null, null, null);
        AttachmentCommand command = AttachmentCommand.openUploadSession(origin, attachmentId, item.input(),
                        SessionStep.open(opened, marks.receivedAt()))
                .withIdempotency(idempotency.idempotency(marks,
                        Fingerprints.uploadSession(origin, item.input(), item.size())))
                .withTrace(request.ids().trace());
        AttachmentReply reply = open(command, opened);
        UploadSession session = reply.session();
        return GraphResponse.json(201, body(request.baseUrl(), event.apiVersion(), session))
                .withHeaders(idempotency.answerHeaders(marks, reply.isReplay()));
    }

    private AttachmentReply open(AttachmentCommand command, UploadSession opened) {
        CommandOutcome outcome;
        try {
            outcome = gateway.send(command);
        } catch (CommandNotAppendedException e) {
            if (!e.maybeAppended()) {
                store.abortUpload(opened.objectKey(), opened.uploadId());
            }
            // A session opened twice costs nothing: the unused one expires, and its upload is aborted then.
            throw e.refusal().orElseGet(() -> GraphException.unavailable(
                    "The attachment log is unavailable; no session was opened. Retry later.", 5, e));
        }
        if (!(outcome instanceof CommandOutcome.Replied replied)) {
            LOG.warnf("No reply in time to opening session %s; it will be decided, unused", opened.sessionId());
            throw GraphException.unavailable("The session could not be confirmed in time. Retry the request.", 1,
                    null);
        }
        AttachmentReply reply = replied.reply();
        if (!reply.isCreated() || reply.session() == null) {
            // the processor refused it and aborts the multipart upload once that is committed
            throw new GraphException(reply.error().status(), reply.error().code(), reply.error().message());
        }
        return reply;
    }

    /** Graph's bounds on a session's size, refused before anything is begun in S3 (the processor checks again). */
    private static void refuseSize(long size) {
        if (size < UploadSession.MIN_SIZE) {
            throw new GraphException(400, GraphErrorCodes.ATTACHMENT_TOO_SMALL, "The attachment size " + size
                    + " is less than the minimum of " + UploadSession.MIN_SIZE + " bytes for an upload session. Add "
                    + "smaller attachments with POST.");
        }
        if (size > UploadSession.MAX_SIZE) {
            throw new GraphException(400, GraphErrorCodes.MESSAGE_SIZE_EXCEEDED,
                    "The message exceeds the maximum supported size (" + UploadSession.MAX_SIZE + " bytes).");
        }
    }

    /** The {@code uploadSession} (camelCase, as the SDKs read it). */
    private Map<String, Object> body(String baseUrl, String apiVersion, UploadSession session) {
        UploadUrls.Grant grant = UploadUrls.grant(session);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", baseUrl + "/" + apiVersion + "/$metadata#microsoft.graph.uploadSession");
        body.put("uploadUrl", urls.url(baseUrl, grant));
        body.put("expirationDateTime", session.expiresAt());
        body.put("nextExpectedRanges", SessionAnswers.nextExpectedRanges(session));
        return body;
    }
}
