package dev.attache.ingest.attachments;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

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

    UploadFault(@ConfigProperty(name = "attache.ingest.fault-injection.halt-after-upload-of")
            Optional<String> haltAfterUploadOf) {
        this.haltAfterUploadOf = haltAfterUploadOf.filter(prefix -> !prefix.isBlank());
    }

    void warn(@Observes StartupEvent started) {
        haltAfterUploadOf.ifPresent(prefix -> LOG.warnf("FAULT INJECTION ON: an upload named %s… halts this process",
                prefix));
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
