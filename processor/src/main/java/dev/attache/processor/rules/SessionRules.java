package dev.attache.processor.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.schemas.attachment.AttachmentInput;
import dev.attache.schemas.attachment.ObjectRef;
import dev.attache.schemas.attachment.ReplyError;
import dev.attache.schemas.graph.GraphErrorCodes;
import dev.attache.schemas.graph.ODataTypes;
import dev.attache.schemas.kafka.AttachmentKeys;
import dev.attache.schemas.session.SessionPart;
import dev.attache.schemas.session.SessionQuery;
import dev.attache.schemas.session.SessionRemainder;
import dev.attache.schemas.session.SessionStep;
import dev.attache.schemas.session.UploadSession;

/**
 * The rules of upload sessions (graph-compatibility.md §3.6–3.7), over what commands say of bytes already in S3:
 * which sessions may be opened, which slice a session takes next, when it has expired. Pure: the store, S3 and the
 * clock are the caller's. Slices are taken strictly in order and each exactly once; a slice that is not the one
 * expected changes nothing.
 *
 * <p>Expiry is judged on the front's {@code receivedAt}, carried in the command, so a replay of the log decides the
 * same as the first run.
 */
public final class SessionRules {

    /** Unknown, finished, cancelled, expired, or another caller's: the same answer, so ids reveal nothing. */
    public static final ReplyError NOT_FOUND = new ReplyError(404, GraphErrorCodes.ITEM_NOT_FOUND,
            "The upload session was not found. It may have expired, been cancelled or been completed.");

    /** What a slice does to a session. */
    public sealed interface Slice {

        /**
         * @param next the session after the slice
         * @param obsolete the remainder object the slice replaced, to be deleted once this is committed; or null
         */
        record Taken(UploadSession next, SessionRemainder obsolete) implements Slice {
        }

        record Refused(ReplyError error) implements Slice {
        }
    }

    private SessionRules() {
    }

    /** Why {@code opened} cannot be a session (the client's fault: a Graph error), or empty. */
    public static Optional<ReplyError> openDefect(UploadSession opened) {
        AttachmentInput in = opened.attachment();
        if (in == null || !ODataTypes.FILE_ATTACHMENT.equals(in.odataType())) {
            return Optional.of(GraphErrors.invalidRequest(
                    "Only file attachments can be uploaded in an upload session (attachmentType file)."));
        }
        if (in.name() == null || in.name().isBlank()) {
            return Optional.of(GraphErrors.invalidRequest("The attachment's name is required."));
        }
        if (opened.size() < UploadSession.MIN_SIZE) {
            return Optional.of(new ReplyError(400, GraphErrorCodes.ATTACHMENT_TOO_SMALL, "The attachment size "
                    + opened.size() + " is less than the minimum of " + UploadSession.MIN_SIZE + " bytes for an upload session. "
                    + "Add smaller attachments with POST."));
        }
        if (opened.size() > UploadSession.MAX_SIZE) {
            return Optional.of(new ReplyError(400, GraphErrorCodes.MESSAGE_SIZE_EXCEEDED,
                    "The message exceeds the maximum supported size (" + UploadSession.MAX_SIZE + " bytes)."));
        }
        if (opened.received() != 0 || !opened.parts().isEmpty() || opened.remainder() != null) {
            return Optional.of(GraphErrors.invalidRequest("A session opens with nothing received."));
        }
        if (!opened.objectKey().equals(opened.tenantId() + "/" + opened.attachmentId())) {
            return Optional.of(GraphErrors.invalidRequest("A session uploads to its attachment's object only."));
        }
        return Optional.empty();
    }

    /** Why a session query cannot be judged, or empty. */
    public static Optional<String> queryDefect(SessionQuery query) {
        boolean whole = Stream.of(query.tenantId(), query.eventId(), query.sessionId()).allMatch(SessionRules::present)
                && query.principal() != null && present(query.principal().objectId());
        return whole ? Optional.empty() : Optional.of("tenantId, eventId, sessionId and principal are required");
    }

    /** The key of the session a query reads. */
    public static String queryKey(SessionQuery query) {
        return AttachmentKeys.sessionKey(query.tenantId(), query.eventId(), query.sessionId());
    }

    /**
     * The answer to a status read ({@code GET} on the upload URL): the session, to the caller who opened it only;
     * expiry is the front's to judge (it holds the clock the session was opened by).
     */
    public static LookupAnswer answer(SessionQuery query, UploadSession session) {
        boolean theirs = session != null && session.tenantId().equals(query.tenantId())
                && session.principal().objectId().equals(query.principal().objectId());
        return theirs ? LookupAnswer.found(session) : LookupAnswer.refused(NOT_FOUND);
    }

    /** Whether {@code session} has expired for a request the front received at {@code receivedAt}. */
    public static boolean expired(UploadSession session, long receivedAt) {
        return receivedAt > Instant.parse(session.expiresAt()).toEpochMilli();
    }

    /** Whether the session is {@code command}'s to continue: same tenant, same caller, not expired. */
    public static boolean belongsTo(UploadSession session, AttachmentCommand command) {
        return session != null
                && session.tenantId().equals(command.tenantId())
                && session.eventId().equals(command.eventId())
                && session.principal().objectId().equals(command.principal().objectId())
                && !expired(session, command.upload().receivedAt());
    }

    /**
     * The slice {@code command} describes, taken by {@code session} (null when there is none). {@code last}: the
     * command completes the session (an {@code add}), so the slice must end at the declared size, in a part.
     */
    public static Slice take(UploadSession session, AttachmentCommand command, boolean last) {
        if (!belongsTo(session, command)) {
            return new Slice.Refused(NOT_FOUND);
        }
        SessionStep step = command.upload();
        if (step.from() == null || step.to() == null || (step.part() != null && !last && step.digest() == null)) {
            return new Slice.Refused(GraphErrors.invalidRequest("A slice needs its range, and its digest when it"
                    + " completes a part but the last."));
        }
        long from = step.from();
        long to = step.to();
        if (from != session.received()) {
            return new Slice.Refused(outOfOrder(session, from < session.received()
                    ? "The uploaded fragment overlaps with data already received."
                    : "The uploaded fragment is out of order."));
        }
        if (to <= from || to > session.size()) {
            return new Slice.Refused(new ReplyError(416, GraphErrorCodes.INVALID_RANGE, "The fragment must end "
                    + "after it starts and no later than the declared size of " + session.size() + " bytes."));
        }
        if (last != (to == session.size())) {
            return new Slice.Refused(GraphErrors.invalidRequest(last
                    ? "Only the slice that ends at the declared size completes the session."
                    : "The slice that ends at the declared size completes the session."));
        }
        long carried = session.remainderLength() + (to - from);
        SessionPart part = step.part();
        SessionRemainder remainder = step.remainder();
        boolean consistent = part != null
                ? session.nextPartMayBe(part.number()) && partFits(part, remainder, carried, last)
                        && (remainder == null || remainder.key().startsWith(remainderPrefix(session)))
                : !last && remainder != null && remainder.length() == carried
                        && remainder.key().startsWith(remainderPrefix(session));
        if (!consistent) {
            return new Slice.Refused(GraphErrors.invalidRequest("The slice's part or remainder does not match the"
                    + " session."));
        }
        List<SessionPart> parts = new ArrayList<>(session.parts());
        if (part != null) {
            parts.add(part);
        }
        String detectedType = session.detectedType() != null ? session.detectedType() : step.detectedType();
        // the last part's state would hold content: its slice carries none, and the session keeps the one before
        String digest = part != null && !last ? step.digest() : session.digest();
        UploadSession next = session.advanced(to, parts, remainder, digest, detectedType);
        SessionRemainder obsolete = Objects.equals(session.remainder(), remainder) ? null : session.remainder();
        return new Slice.Taken(next, obsolete);
    }

    /**
     * Why the {@code add} that completes {@code session} does not describe its attachment (the object and the
     * properties the session was opened with), or empty.
     */
    public static Optional<ReplyError> completionDefect(UploadSession session, AttachmentCommand command) {
        ObjectRef object = command.object();
        boolean same = session.attachmentId().equals(command.attachmentId())
                && session.attachment().equals(command.attachment())
                && object != null && session.bucket().equals(object.bucket())
                && session.objectKey().equals(object.key()) && object.length() == session.size();
        return same ? Optional.empty()
                : Optional.of(GraphErrors.invalidRequest("The completed upload does not match its session."));
    }

    /**
     * Whether a part and the tail kept after it account for the {@code carried} bytes: every byte once, and a part but
     * the last cut at a multiple of SHA-256's block (the tail under one block), so the digest state after the parts
     * holds no content.
     */
    private static boolean partFits(SessionPart part, SessionRemainder tail, long carried, boolean last) {
        long tailLength = tail == null ? 0 : tail.length();
        if (last) {
            return tail == null && part.length() == carried;
        }
        return part.length() + tailLength == carried && part.length() % UploadSession.DIGEST_BLOCK == 0
                && tailLength < UploadSession.DIGEST_BLOCK && (tail == null || tailLength > 0);
    }

    /** Where a session's remainder objects are written: a command cannot name another object as one. */
    public static String remainderPrefix(UploadSession session) {
        return session.tenantId() + "/sessions/" + session.sessionId() + "/";
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static ReplyError outOfOrder(UploadSession session, String message) {
        return new ReplyError(416, GraphErrorCodes.INVALID_RANGE, message + " The next expected range starts at "
                + session.received() + ".");
    }
}
