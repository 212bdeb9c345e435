package dev.attache.ingest.upload;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.attache.schemas.attachment.ObjectRef;

/**
 * One object being written: content goes in through {@link #content()} while the S3 client reads it on another
 * thread. It ends in {@link #complete()} (the object exists and is measured) or {@link #abort} (it does not).
 */
public final class Upload {

    /** How long to wait for the store once the content is all written. */
    private static final long COMPLETION_TIMEOUT_SECONDS = 60;

    private final ObjectUploader uploader;
    private final String bucket;
    private final String key;
    private final BytePipe pipe;
    private final MeasuringOutputStream content;
    private final CompletableFuture<Void> put;

    Upload(ObjectUploader uploader, String bucket, String key, BytePipe pipe, int headBytes,
            CompletableFuture<Void> put) {
        this.uploader = uploader;
        this.bucket = bucket;
        this.key = key;
        this.pipe = pipe;
        this.content = new MeasuringOutputStream(pipe.sink(), headBytes);
        this.put = put;
    }

    public String key() {
        return key;
    }

    /** Where the content goes; measured on the way. */
    public MeasuringOutputStream content() {
        return content;
    }

    /** Whether the store already gave up: a write failure then is the store's fault, not the client's. */
    public boolean storeFailed() {
        return put.isCompletedExceptionally();
    }

    /**
     * Ends the content and waits for the object to be stored.
     *
     * @throws UploadFailedException when the store did not take it (nothing is left behind)
     */
    public ObjectRef complete() throws UploadFailedException {
        try {
            content.close();
        } catch (IOException e) {
            throw new UploadFailedException(e);
        }
        try {
            put.get(COMPLETION_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            pipe.abort(new IOException("The upload did not complete"));
            uploader.delete(key);
            throw new UploadFailedException(e instanceof ExecutionException ? e.getCause() : e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pipe.abort(new IOException("Interrupted"));
            uploader.delete(key);
            throw new UploadFailedException(e);
        }
        return new ObjectRef(bucket, key, content.count(), content.sha256Hex());
    }

    /** Makes sure no object remains: the upload fails instead of storing partial content, then the key is deleted. */
    public void abort(String why) {
        pipe.abort(new IOException(why));
        try {
            put.get(COMPLETION_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException expected) {
            // the upload failing is the point of aborting
        }
        uploader.delete(key);
    }
}
