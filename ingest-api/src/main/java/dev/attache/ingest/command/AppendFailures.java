package dev.attache.ingest.command;

import org.apache.kafka.common.errors.TimeoutException;

/**
 * Tells a send that certainly never reached the log from one that may have. Only the first kind may have its object
 * deleted: deleting the object of a command that did get appended would leave a record pointing at nothing.
 */
final class AppendFailures {

    private AppendFailures() {
    }

    /**
     * True when the producer never had the partition's leader, so the record was never sent (Kafka reports this as
     * "Topic … not present in metadata after … ms"). Any other failure may have happened after the broker wrote it.
     */
    static boolean certainlyNotAppended(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException && t.getMessage() != null
                    && t.getMessage().contains("not present in metadata")) {
                return true;
            }
        }
        return false;
    }
}
