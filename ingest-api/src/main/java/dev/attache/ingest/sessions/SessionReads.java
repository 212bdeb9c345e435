package dev.attache.ingest.sessions;

import jakarta.enterprise.context.ApplicationScoped;

import dev.attache.ingest.state.ProcessorState;
import dev.attache.schemas.session.SessionQuery;
import dev.attache.schemas.session.UploadSession;

/**
 * Reads an upload session from the processor's state, on the instance that holds its event's partition. A slice's
 * reply is committed with the session's update, so the next slice, on any front, reads what the last one did.
 */
@ApplicationScoped
public class SessionReads {

    private final ProcessorState state;

    SessionReads(ProcessorState state) {
        this.state = state;
    }

    /**
     * The session {@code grant} names, for its caller.
     *
     * @throws dev.attache.ingest.error.GraphException 404 when there is none, 503 when it cannot be read now
     */
    public UploadSession get(UploadUrls.Grant grant) {
        return state.query(SessionQuery.PATH, new SessionQuery(grant.tenantId(), grant.eventId(), grant.sessionId(),
                grant.principal()), UploadSession.class);
    }
}
