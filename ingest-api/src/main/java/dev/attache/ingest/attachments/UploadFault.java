package dev.attache.ingest.attachments;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.attache.ingest.error.GraphException;
import dev.attache.ingest.idempotency.RepeatMarks;
import dev.attache.schemas.graph.GraphErrorCodes;
import io.quarkus.runtime.StartupEvent;

/**
 * A fault the system tests inject: the process dies the instant a payload is in S3 and its command not yet sent —
 * the one moment that can leave an object without a record. Off unless
 * {@code attache.ingest.fault-injection.halt-after-upload-of} names a prefix; then the upload of an attachment whose
 * name starts with it halts the JVM ({@code Runtime.halt}: no shutdown hook, no flush, as a {@code kill -9}). Never
 * set it outside a test: any client could stop the process.
 */
@ApplicationScoped
public class UploadFault {

    private static final Logger LOG = Logger.getLogger(UploadFault.class);

    private final Optional<String> haltAfterUploadOf;
    private final Optional<String> failFirstAttemptOf;

    UploadFault(@ConfigProperty(name = "attache.ingest.fault-injection.halt-after-upload-of")
            Optional<String> haltAfterUploadOf,
            @ConfigProperty(name = "attache.ingest.fault-injection.fail-first-attempt-of")
            Optional<String> failFirstAttemptOf) {
        this.haltAfterUploadOf = haltAfterUploadOf.filter(prefix -> !prefix.isBlank());
        this.failFirstAttemptOf = failFirstAttemptOf.filter(prefix -> !prefix.isBlank());
    }

    void warn(@Observes StartupEvent started) {
        haltAfterUploadOf.ifPresent(prefix -> LOG.warnf("FAULT INJECTION ON: an upload named %s… halts this process",
                prefix));
        failFirstAttemptOf.ifPresent(prefix -> LOG.warnf("FAULT INJECTION ON: the first attempt of an upload named "
                + "%s… is answered 504 after its attachment was committed", prefix));
    }

    /**
     * Called once an attachment is committed: the fault a lost answer is, seen from the client. An upload named
     * {@code fail-first-attempt-of…} that is not an SDK retry gets {@code 504} although it was stored, as a proxy
     * timing out would answer.
     */
    void afterCommit(String attachmentName, RepeatMarks marks) {
        if (failFirstAttemptOf.isPresent() && attachmentName != null
                && attachmentName.startsWith(failFirstAttemptOf.get()) && marks.retryAttempt() == 0) {
            LOG.warnf("Fault injection: answering 504 to the committed upload of %s", attachmentName);
            throw new GraphException(504, GraphErrorCodes.GATEWAY_TIMEOUT,
                    "Fault injection: the answer was lost on its way.", java.util.Map.of("Retry-After", "1"), null);
        }
    }

    /** Called between the upload and the append. */
    void afterUpload(String attachmentName) {
        if (haltAfterUploadOf.isPresent() && attachmentName != null
                && attachmentName.startsWith(haltAfterUploadOf.get())) {
            LOG.warnf("Fault injection: halting after the upload of %s, before its command", attachmentName);
            Runtime.getRuntime().halt(137);
        }
    }
}
