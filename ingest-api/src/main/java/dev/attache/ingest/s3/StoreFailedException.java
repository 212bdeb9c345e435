package dev.attache.ingest.s3;

/** The object store did not do what it was asked: nothing was stored (or, for a read, nothing read). */
public class StoreFailedException extends Exception {

    public StoreFailedException(Throwable cause) {
        super("The object store failed: " + cause, cause);
    }
}
