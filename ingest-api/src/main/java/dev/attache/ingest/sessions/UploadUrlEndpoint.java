package dev.attache.ingest.sessions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.attache.ingest.command.CommandGateway;
import dev.attache.ingest.command.CommandIds;
import dev.attache.ingest.command.CommandNotAppendedException;
import dev.attache.ingest.command.CommandOutcome;
import dev.attache.ingest.detection.MediaTypeDetector;
import dev.attache.ingest.error.GraphException;
import dev.attache.ingest.representation.ODataUrls;
import dev.attache.ingest.request.GraphResponse;
import dev.attache.ingest.route.EventPath;
import dev.attache.ingest.s3.ObjectStore;
import dev.attache.ingest.s3.StoreFailedException;
import dev.attache.ingest.spool.SpoolDirectory;
import dev.attache.ingest.spool.SpoolFile;
import dev.attache.ingest.spool.SpooledContent;
import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.schemas.attachment.AttachmentReply;
import dev.attache.schemas.attachment.ObjectRef;
import dev.attache.schemas.attachment.Route;
import dev.attache.schemas.attachment.Trace;
import dev.attache.schemas.graph.GraphErrorCodes;
import dev.attache.schemas.session.SessionPart;
import dev.attache.schemas.session.SessionRemainder;
import dev.attache.schemas.session.SessionStep;
import dev.attache.schemas.session.UploadSession;

/**
 * The upload URL (graph-compatibility.md §3.7): {@code PUT} a slice, {@code GET} the status, {@code DELETE} the
 * session. Authorised by the URL's own token, never by a bearer token. Any instance takes any slice: the session is
 * read from the processor, the slice spooled, measured and stored (an S3 part once {@code part-bytes} have gathered,
 * else the new remainder object), and the processor takes it, in order, before the client is answered. The last slice
 * completes the multipart upload and becomes the attachment through the same rules and reply as a POST.
 */
@ApplicationScoped
public class UploadUrlEndpoint {

    private static final Logger LOG = Logger.getLogger(UploadUrlEndpoint.class);
    private static final int COPY_BUFFER = 64 * 1024;
    /** The last part of an upload found completed already: its ETag is not needed any more, nor known. */
    private static final String COMPLETED_ETAG = "completed";

    private final UploadUrls urls;
    private final SessionReads sessions;
    private final ObjectStore store;
    private final SpoolDirectory spool;
    private final CommandGateway gateway;
    private final SessionSettings settings;
    private final Clock clock;

    UploadUrlEndpoint(UploadUrls urls, SessionReads sessions, ObjectStore store, SpoolDirectory spool,
            CommandGateway gateway, SessionSettings settings, Clock clock) {
        this.urls = urls;
        this.sessions = sessions;
        this.store = store;
        this.spool = spool;
        this.gateway = gateway;
        this.settings = settings;
        this.clock = clock;
    }

    /** {@code GET {uploadUrl}}: what the session expects next, for a client that resumes. */
    public GraphResponse status(String sessionId, String token, Trace trace) {
        UploadSession session = sessions.get(grant(sessionId, token, trace));
        return GraphResponse.json(200, SessionAnswers.status(session));
    }

    /** {@code DELETE {uploadUrl}}: the session ends; its upload is aborted and its remainder deleted. */
    public GraphResponse cancel(String sessionId, String token, Trace trace) {
        UploadUrls.Grant grant = grant(sessionId, token, trace);
        UploadSession session = sessions.get(grant);
        submit(AttachmentCommand.cancelUploadSession(origin(session), session.attachmentId(),
                SessionStep.cancel(session.sessionId(), clock.millis(), SessionStep.CANCELLED)), trace);
        return GraphResponse.empty(204);
    }

    /**
     * {@code PUT {uploadUrl}} with {@code Content-Range}: one slice.
     *
     * @param baseUrl where clients reach this service, for the attachment's {@code Location}
     */
    public GraphResponse put(String sessionId, String token, String contentRange, String contentLength,
            InputStream body, String baseUrl, Trace trace) {
        UploadUrls.Grant grant = grant(sessionId, token, trace);
        ContentRange range = ContentRange.parse(contentRange).orElseThrow(() -> GraphException.badRequest(
                "A slice needs a Content-Range header of the form 'bytes first-last/total'."));
        if (range.length() > settings.maxSliceBytes()) {
            throw new GraphException(413, GraphErrorCodes.REQUEST_TOO_LARGE, "A slice may be at most "
                    + settings.maxSliceBytes() + " bytes; send smaller slices.");
        }
        if (contentLength != null && !contentLength.trim().equals(Long.toString(range.length()))) {
            throw GraphException.badRequest("Content-Length must be the length of the Content-Range ("
                    + range.length() + " bytes).");
        }
        UploadSession session = sessions.get(grant);
        if (range.total() != session.size()) {
            throw invalidRange("The total in Content-Range (" + range.total() + ") is not the declared size of "
                    + session.size() + " bytes.");
        }
        if (session.complete() && range.end() == session.size()) {
            // the last slice again (its answer was lost): the attachment it made
            return created(baseUrl, session);
        }
        if (range.first() != session.received()) {
            throw invalidRange((range.first() < session.received()
                    ? "The uploaded fragment overlaps with data already received."
                    : "The uploaded fragment is out of order.") + " The next expected range starts at "
                    + session.received() + ".");
        }
        if (range.end() > session.size()) {
            throw invalidRange("The fragment ends past the declared size of " + session.size() + " bytes.");
        }
        if (range.end() < session.size() && range.length() < settings.minSliceBytes()) {
            throw GraphException.badRequest("A slice but the last must have at least " + settings.minSliceBytes()
                    + " bytes.");
        }
        try (SpooledContent slice = receive(body, range.length())) {
            return take(session, range, slice, baseUrl, trace);
        }
    }

    private GraphResponse take(UploadSession session, ContentRange range, SpooledContent slice, String baseUrl,
            Trace trace) {
        String detectedType = range.first() == 0
                ? MediaTypeDetector.detect(slice.head(), session.attachment().name())
                : null;
        boolean last = range.end() == session.size();
        long carried = session.remainderLength() + range.length();
        if (!last && carried < settings.partBytes()) {
            return keepAsRemainder(session, range, slice, detectedType, carried, trace);
        }
        // a part but the last ends on a digest block, so the digest state saved after it holds no content bytes
        long partLength = last ? carried : carried - carried % UploadSession.DIGEST_BLOCK;
        try (CutSlice cut = cut(session, slice, partLength)) {
            SessionDigest digest = SessionDigest.resume(session.digest());
            digest.update(cut.part());
            if (last) {
                return takeLast(session, range, cut.part(), digest.finish(), detectedType, baseUrl, trace);
            }
            String state = digest.state();
            SessionRemainder tail = cut.tail() == null ? null : keepTail(session, range, cut.tail());
            SessionPart part = uploadPart(session, cut.part(), session.nextPartNumber(state));
            AttachmentReply reply = submit(AttachmentCommand.appendSlice(origin(session), session.attachmentId(),
                    SessionStep.slice(session.sessionId(), clock.millis(), range.first(), range.end(), part, tail,
                            state, detectedType)), () -> deleteTail(tail), trace);
            return GraphResponse.json(200, SessionAnswers.status(reply.session()));
        } catch (IOException e) {
            throw GraphException.unavailable("The slice could not be read back; nothing was saved. Retry.", 1, e);
        }
    }

    /**
     * The last part, numbered by the content's hash (the digest state after it would hold content): uploaded and the
     * upload completed, or found completed by a front that died before its command reached the log.
     */
    private GraphResponse takeLast(UploadSession session, ContentRange range, SpooledContent bytes, String sha256,
            String detectedType, String baseUrl, Trace trace) {
        int number = session.nextPartNumber(sha256);
        SessionPart part;
        String versionId;
        if (store.exists(session.objectKey(), session.size())) {
            part = new SessionPart(number, COMPLETED_ETAG, bytes.length());
            versionId = store.versionOf(session.objectKey());
        } else {
            part = uploadPart(session, bytes, number);
            versionId = complete(session, part);
        }
        ObjectRef object = new ObjectRef(session.bucket(), session.objectKey(), session.size(), sha256, versionId);
        String type = session.detectedType() != null ? session.detectedType() : detectedType;
        // not appended: the object stays for the same slice sent again (it finds it complete) or for the sweep
        submit(AttachmentCommand.completeUploadSession(origin(session), session.attachmentId(), session.attachment(),
                object, type, SessionStep.slice(session.sessionId(), clock.millis(), range.first(), range.end(),
                        part, null, null, detectedType)), trace);
        return created(baseUrl, session);
    }

    /** Too few bytes for a part yet: the remainder and this slice become the new remainder object. */
    private GraphResponse keepAsRemainder(UploadSession session, ContentRange range, SpooledContent slice,
            String detectedType, long carried, Trace trace) {
        String key = remainderKey(session, range);
        try (CutSlice joined = cut(session, slice, carried)) {
            store.putRemainder(joined.part(), key);
        } catch (StoreFailedException e) {
            throw storeUnavailable(e);
        }
        AttachmentReply reply = submit(AttachmentCommand.appendSlice(origin(session), session.attachmentId(),
                SessionStep.slice(session.sessionId(), clock.millis(), range.first(), range.end(), null,
                        new SessionRemainder(key, carried), null, detectedType)), () -> store.delete(key), trace);
        return GraphResponse.json(200, SessionAnswers.status(reply.session()));
    }

    /** The bytes after a part, fewer than a digest block, kept as the new remainder object. */
    private SessionRemainder keepTail(UploadSession session, ContentRange range, SpooledContent tail) {
        String key = remainderKey(session, range);
        try {
            store.putRemainder(tail, key);
        } catch (StoreFailedException e) {
            throw storeUnavailable(e);
        }
        return new SessionRemainder(key, tail.length());
    }

    private void deleteTail(SessionRemainder tail) {
        if (tail != null) {
            store.delete(tail.key());
        }
    }

    /** A new key each time: the old remainder stays whole until the processor has taken the new one. */
    private static String remainderKey(UploadSession session, ContentRange range) {
        return session.tenantId() + "/sessions/" + session.sessionId() + "/" + range.end() + "-" + CommandIds.next();
    }

    /** Uploads {@code bytes} as the part numbered {@code number}. */
    private SessionPart uploadPart(UploadSession session, SpooledContent bytes, int number) {
        try {
            String etag = store.uploadPart(session.objectKey(), session.uploadId(), number, bytes);
            return new SessionPart(number, etag, bytes.length());
        } catch (StoreFailedException e) {
            throw storeUnavailable(e);
        }
    }

    /**
     * Completes the multipart upload; one completed meanwhile by another front is found whole and taken. Answers the
     * object's version id (null on an unversioned bucket).
     */
    private String complete(UploadSession session, SessionPart last) {
        Map<Integer, String> parts = new LinkedHashMap<>();
        session.parts().forEach(part -> parts.put(part.number(), part.etag()));
        parts.put(last.number(), last.etag());
        try {
            return store.completeUpload(session.objectKey(), session.uploadId(), parts);
        } catch (StoreFailedException e) {
            if (!store.exists(session.objectKey(), session.size())) {
                throw storeUnavailable(e);
            }
            LOG.infof("Upload of session %s was completed already; going on", session.sessionId());
            return store.versionOf(session.objectKey());
        }
    }

    /**
     * The remainder object's bytes then the slice's, cut after {@code partLength} bytes: the part, and the tail after
     * it (null when there is none). The slice itself when it is the whole part. The caller closes both: closing the
     * slice itself twice is harmless.
     */
    private CutSlice cut(UploadSession session, SpooledContent slice, long partLength) {
        if (session.remainder() == null && slice.length() == partLength) {
            return new CutSlice(slice, null);
        }
        long total = session.remainderLength() + slice.length();
        try (SpoolFile part = spool.create(0); SpoolFile tail = spool.create(0)) {
            byte[] buffer = new byte[COPY_BUFFER];
            long[] written = {0};
            try (InputStream remainder = session.remainder() == null ? InputStream.nullInputStream()
                    : store.open(new ObjectRef(session.bucket(), session.remainder().key(),
                            session.remainder().length(), null)); InputStream in = slice.open()) {
                copy(remainder, part.content(), tail.content(), partLength, buffer, written);
                copy(in, part.content(), tail.content(), partLength, buffer, written);
            }
            if (written[0] != total) {
                throw new StoreFailedException(new IOException("the remainder object has " + (written[0]
                        - slice.length()) + " bytes, not " + session.remainderLength()));
            }
            SpooledContent head = part.finish();
            try {
                return new CutSlice(head, total > partLength ? tail.finish() : null);
            } catch (IOException e) {
                head.close();
                throw e;
            }
        } catch (IOException e) {
            throw storeUnavailable(new StoreFailedException(e));
        } catch (StoreFailedException e) {
            throw storeUnavailable(e);
        }
    }

    /**
     * Copies {@code in}: the bytes before offset {@code cut} (counted across calls in {@code written}) to
     * {@code first}, those after to {@code rest}.
     */
    private static void copy(InputStream in, OutputStream first, OutputStream rest, long cut, byte[] buffer,
            long[] written) throws IOException {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            int toFirst = (int) Math.max(0, Math.min(n, cut - written[0]));
            first.write(buffer, 0, toFirst);
            rest.write(buffer, toFirst, n - toFirst);
            written[0] += n;
        }
    }

    /** Spools exactly {@code length} bytes of {@code body}; fewer or more is the client's error. */
    private SpooledContent receive(InputStream body, long length) {
        try (SpoolFile file = spool.create(MediaTypeDetector.SNIFF_BYTES)) {
            OutputStream out = file.content();
            byte[] buffer = new byte[COPY_BUFFER];
            long received = 0;
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                received += n;
                if (received > length) {
                    throw GraphException.badRequest("The slice has more bytes than its Content-Range says ("
                            + length + ").");
                }
                out.write(buffer, 0, n);
            }
            if (received != length) {
                throw GraphException.badRequest("The slice has " + received + " bytes; its Content-Range says "
                        + length + ".");
            }
            return file.finish();
        } catch (IOException e) {
            throw GraphException.unavailable("The slice could not be spooled; nothing was saved. Retry.", 1, e);
        }
    }

    /**
     * The token's grant, when it is valid and not expired. An expired session is ended there and then (its upload
     * aborted) rather than left for the processor's expiry.
     */
    private UploadUrls.Grant grant(String sessionId, String token, Trace trace) {
        UploadUrls.Grant grant = urls.verify(sessionId, token).orElseThrow(() -> new GraphException(401,
                GraphErrorCodes.INVALID_AUTHENTICATION_TOKEN, "The upload URL is not valid."));
        long now = clock.millis();
        if (grant.expiredAt(now)) {
            endExpired(grant, now, trace);
            throw new GraphException(404, GraphErrorCodes.ITEM_NOT_FOUND, "The upload session has expired.");
        }
        return grant;
    }

    private void endExpired(UploadUrls.Grant grant, long now, Trace trace) {
        try {
            UploadSession session = sessions.get(grant);
            submit(AttachmentCommand.cancelUploadSession(origin(session), session.attachmentId(),
                    SessionStep.cancel(session.sessionId(), now, SessionStep.EXPIRED)), trace);
        } catch (GraphException e) {
            LOG.debugf("Expired session %s not ended now (the processor's expiry will): %s", grant.sessionId(),
                    e.getMessage());
        }
    }

    /** {@code 201} with the attachment's {@code Location} and no body, as Outlook answers the last slice. */
    private static GraphResponse created(String baseUrl, UploadSession session) {
        Route route = session.route();
        EventPath event = new EventPath(route.apiVersion(), route.ownerKind(), route.ownerId(), route.container(),
                route.calendarGroupId(), route.calendarId(), session.eventId());
        return GraphResponse.empty(201).withHeader("Location",
                ODataUrls.attachmentByKey(baseUrl, event, route.ownerId(), session.attachmentId()));
    }

    private AttachmentReply submit(AttachmentCommand command, Trace trace) {
        return submit(command, () -> { }, trace);
    }

    /**
     * The command's reply when the processor took it; its refusal as a Graph error. When it was refused, or certainly
     * never reached the log, {@code notTaken} first removes what was stored for it.
     */
    private AttachmentReply submit(AttachmentCommand command, Runnable notTaken, Trace trace) {
        CommandOutcome outcome;
        try {
            outcome = gateway.send(command.withTrace(trace));
        } catch (CommandNotAppendedException e) {
            if (!e.maybeAppended()) {
                notTaken.run();
            }
            throw e.refusal().orElseGet(() -> GraphException.unavailable(
                    "The attachment log is unavailable. Send the same request again.", 5, e));
        }
        if (!(outcome instanceof CommandOutcome.Replied replied)) {
            // in the log, decided later: the same slice sent again is answered from what was decided
            throw GraphException.unavailable("The slice could not be confirmed in time. Send it again.", 1, null);
        }
        AttachmentReply reply = replied.reply();
        if (reply.error() != null) {
            notTaken.run();
            throw new GraphException(reply.error().status(), reply.error().code(), reply.error().message());
        }
        return reply;
    }

    private static AttachmentCommand.Origin origin(UploadSession session) {
        return new AttachmentCommand.Origin(session.tenantId(), session.eventId(), session.route(),
                session.principal());
    }

    private static GraphException invalidRange(String message) {
        return new GraphException(416, GraphErrorCodes.INVALID_RANGE, message);
    }

    private static GraphException storeUnavailable(Exception cause) {
        return GraphException.unavailable("The attachment store is unavailable; the slice was not saved. Send it "
                + "again.", 5, cause);
    }

}
