package dev.attache.ingest.command;

import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Tells a send that certainly never reached the log from one that may have. Only the first kind may have its object
 * deleted and its client told to retry: deleting the object of a command that did get appended would leave a record
 * pointing at nothing, and a retry could make a duplicate.
 */
final class AppendFailures {

    private AppendFailures() {
    }

    /**
     * True when the record was never written: the producer never had the partition's leader (Kafka reports this as
     * "Topic … not present in metadata after … ms"), could not authenticate, was refused by the broker's ACLs, or
     * refused the record itself (too large, not serializable, an invalid topic), or the emitter's buffer was full.
     * Anything else — a timeout in flight, a lost connection — may have happened after the broker wrote it.
     */
    static boolean certainlyNotAppended(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException && t.getMessage() != null
                    && t.getMessage().contains("not present in metadata")) {
                return true;
            }
            if (t instanceof AuthenticationException || t instanceof AuthorizationException
                    || t instanceof RecordTooLargeException || t instanceof SerializationException
                    || t instanceof InvalidTopicException) {
                return true;
            }
            // SmallRye's emitter refuses a message its buffer has no room for before the producer sees it
            if (t.getClass().getName().endsWith("BackPressureFailure")) {
                return true;
            }
        }
        return false;
    }
}
