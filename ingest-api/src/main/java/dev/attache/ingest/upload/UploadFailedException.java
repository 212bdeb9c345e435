package dev.attache.ingest.upload;

/** The object store did not take an object: nothing was stored, nothing was appended. */
public class UploadFailedException extends Exception {

    public UploadFailedException(Throwable cause) {
        super("The object store did not take the object: " + cause, cause);
    }
}
