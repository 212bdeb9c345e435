package dev.attache.processor.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.attache.processor.rules.SessionRules;
import dev.attache.processor.rules.SessionRules.Slice;
import dev.attache.processor.topology.CommandOutcomes.Outcome;
import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.schemas.attachment.AttachmentReply;
import dev.attache.schemas.attachment.ReplyError;
import dev.attache.schemas.kafka.AttachmentKeys;
import dev.attache.schemas.session.SessionRemainder;
import dev.attache.schemas.session.SessionStep;
import dev.attache.schemas.session.UploadSession;

/**
 * Applies the upload-session commands to the event partition's sessions ({@code upload-sessions-store}, published to
 * {@code upload-sessions}): opening (once access is decided), slices, cancelling, expiry, and the check of the
 * {@code add} that completes one. The decisions are {@link SessionRules}'; this keeps the store, publishes each
 * change and asks for what a session leaves in S3 to be deleted once the change has committed.
 */
final class UploadSessionCommands {

    /**
     * Sessions are dropped this long after they expired by the fronts' clocks. Slices are judged on the front's
     * {@code receivedAt}, never on this; the slack is far longer than any command takes to reach the log after it was
     * received, so no command can find its session dropped early in one run and still there in a replay, where the
     * punctuation may fire at other points of the log.
     */
    static final long EXPIRY_SLACK_MILLIS = 3_600_000L;

    private final ProcessorContext<String, Object> context;
    private final KeyValueStore<String, UploadSession> store;
    private final DeletionRequests deletions;
    private final CommandOutcomes outcomes;

    UploadSessionCommands(ProcessorContext<String, Object> context, KeyValueStore<String, UploadSession> store,
            DeletionRequests deletions, CommandOutcomes outcomes) {
        this.context = context;
        this.store = store;
        this.deletions = deletions;
        this.outcomes = outcomes;
    }

    /** Opens the session an allowed {@code command} describes, or refuses it; either way this is its reply. */
    AttachmentReply open(AttachmentCommand command, long appendTime) {
        UploadSession opened = command.upload().opened();
        Optional<ReplyError> defect = SessionRules.openDefect(opened);
        if (defect.isPresent()) {
            return refuseOpen(command, defect.get(), appendTime);
        }
        put(opened, appendTime);
        outcomes.count(Outcome.CREATED);
        return AttachmentReply.sessionOpened(opened);
    }

    /** Refuses to open {@code command}'s session: the multipart upload its front began goes. */
    AttachmentReply refuseOpen(AttachmentCommand command, ReplyError error, long appendTime) {
        UploadSession opened = command.upload().opened();
        if (opened != null && opened.uploadId() != null) {
            deletions.sessionLeftovers(opened, false, appendTime);
        }
        outcomes.count(Outcome.REJECTED);
        return AttachmentReply.rejected(command.attachmentId(), error);
    }

    /** {@code command} repeats an open already made: the first session stands, this one's multipart upload goes. */
    void discardOpen(AttachmentCommand command, long appendTime) {
        UploadSession opened = command.upload().opened();
        if (opened != null && opened.uploadId() != null) {
            deletions.sessionLeftovers(opened, false, appendTime);
        }
    }

    /** Takes the slice of an {@code append-slice} command. */
    AttachmentReply append(AttachmentCommand command, long appendTime) {
        UploadSession session = store.get(keyOf(command));
        Slice slice = SessionRules.take(session, command, false);
        if (slice instanceof Slice.Taken taken) {
            put(taken.next(), appendTime);
            deletions.remainder(session, taken.obsolete(), appendTime);
            outcomes.count(Outcome.ADVANCED);
            return AttachmentReply.sessionAdvanced(taken.next());
        }
        return refuseSlice(command, session, ((Slice.Refused) slice).error(), appendTime);
    }

    /**
     * Whether the {@code add} that completes a session may be decided as an attachment: its last slice is the one
     * the session expects, and it describes the session's attachment. Empty when it may; else the reply.
     */
    Optional<AttachmentReply> completionRefusal(AttachmentCommand command, long appendTime) {
        UploadSession session = store.get(keyOf(command));
        Slice slice = SessionRules.take(session, command, true);
        Optional<ReplyError> refused = slice instanceof Slice.Refused r ? Optional.of(r.error())
                : SessionRules.completionDefect(session, command);
        return refused.map(error -> refuseSlice(command, session, error, appendTime));
    }

    /**
     * The session of {@code command} (a completing {@code add}) has been decided. Accepted, it is kept, complete
     * ({@code received == size}), until it expires: a front that lost the answer to the last slice and is sent it
     * again answers the same attachment. Refused, it ends (the refusal deletes the completed object).
     */
    void completed(AttachmentCommand command, boolean accepted, long appendTime) {
        UploadSession session = store.get(keyOf(command));
        if (session == null) {
            return;
        }
        if (accepted && SessionRules.take(session, command, true) instanceof Slice.Taken taken) {
            put(taken.next(), appendTime);
            deletions.remainder(session, taken.obsolete(), appendTime);
        } else {
            remove(session, true, appendTime);
        }
    }

    /** Cancels the session: the client deleted it, or a front found it expired. */
    AttachmentReply cancel(AttachmentCommand command, long appendTime) {
        UploadSession session = store.get(keyOf(command));
        boolean expired = SessionStep.EXPIRED.equals(command.upload().reason());
        // an expired session is the caller's to clean up even though it is no longer theirs to continue
        boolean theirs = session != null && session.principal().objectId().equals(command.principal().objectId())
                && session.tenantId().equals(command.tenantId())
                && (expired || !SessionRules.expired(session, command.upload().receivedAt()));
        if (!theirs) {
            outcomes.count(Outcome.REJECTED);
            return AttachmentReply.rejected(command.attachmentId(), SessionRules.NOT_FOUND);
        }
        remove(session, session.complete(), appendTime);
        outcomes.count(Outcome.DELETED);
        return AttachmentReply.sessionCancelled(session);
    }

    /**
     * Ends the sessions that expired (by the fronts' clocks, with slack) before {@code streamTime}: stream-time
     * punctuation, so a replay ends them at the same points of the log.
     */
    void expire(long streamTime) {
        List<UploadSession> expired = new ArrayList<>();
        try (KeyValueIterator<String, UploadSession> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, UploadSession> entry = all.next();
                if (SessionRules.expired(entry.value, streamTime - EXPIRY_SLACK_MILLIS)) {
                    expired.add(entry.value);
                }
            }
        }
        for (UploadSession session : expired) {
            remove(session, session.complete(), streamTime);
            outcomes.count(Outcome.DELETED);
        }
    }

    /**
     * A refused slice changes nothing of the session. The remainder object it wrote, if any, is nobody's (unless it
     * is the session's own, or outside the session's prefix: a command cannot steer a delete elsewhere). A refused
     * last slice may have completed the multipart upload already; its object is the refused {@code add}'s, deleted
     * with it by the caller.
     */
    private AttachmentReply refuseSlice(AttachmentCommand command, UploadSession session, ReplyError error,
            long appendTime) {
        outcomes.count(Outcome.REJECTED);
        SessionRemainder written = command.upload().remainder();
        if (session != null && written != null && !written.equals(session.remainder())
                && written.key().startsWith(SessionRules.remainderPrefix(session))) {
            deletions.remainder(session, written, appendTime);
        }
        if (session == null || error == SessionRules.NOT_FOUND) {
            return AttachmentReply.rejected(command.attachmentId(), error);
        }
        return AttachmentReply.sliceRefused(session, error);
    }

    private void put(UploadSession session, long timestamp) {
        String key = keyOf(session);
        store.put(key, session);
        context.forward(new Record<>(key, session, timestamp), AttachmentTopology.SESSIONS_SINK);
    }

    private void remove(UploadSession session, boolean completed, long timestamp) {
        String key = keyOf(session);
        store.delete(key);
        context.forward(new Record<>(key, null, timestamp), AttachmentTopology.SESSIONS_SINK);
        deletions.sessionLeftovers(session, completed, timestamp);
    }

    private static String keyOf(AttachmentCommand command) {
        return AttachmentKeys.sessionKey(command.tenantId(), command.eventId(), command.upload().sessionId());
    }

    private static String keyOf(UploadSession session) {
        return AttachmentKeys.sessionKey(session.tenantId(), session.eventId(), session.sessionId());
    }
}
