package dev.attache.local.s3;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.logging.slf4j.config.SLF4JLoggingModule;

/**
 * An S3-compatible server (S3Proxy) running in this JVM, storing objects as files under one directory.
 *
 * <p>The {@code filesystem-nio2} backend is used because it is durable and lists only real objects (the older
 * {@code filesystem} backend reports phantom directory entries). It keeps object metadata in extended file
 * attributes, which ext4, xfs, btrfs and APFS support.
 */
public final class EmbeddedS3 implements AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private final Path baseDir;
    private final S3Credentials credentials;
    private final String bucket;
    private int port;
    private S3Proxy proxy;
    private BlobStoreContext context;

    private EmbeddedS3(Path baseDir, int port, S3Credentials credentials, String bucket) {
        this.baseDir = baseDir;
        this.port = port;
        this.credentials = credentials;
        this.bucket = bucket;
    }

    /**
     * Serves {@code baseDir} on {@code port} (0 = any free port) to clients signing with {@code credentials}, and
     * makes sure {@code bucket} exists.
     */
    public static EmbeddedS3 start(Path baseDir, int port, S3Credentials credentials, String bucket) throws Exception {
        EmbeddedS3 s3 = new EmbeddedS3(baseDir, port, credentials, bucket);
        s3.start();
        return s3;
    }

    /** Starts serving again (after {@link #stop()}) on the same port, unless it is running. */
    public synchronized void start() throws Exception {
        if (proxy != null) {
            return;
        }
        Files.createDirectories(baseDir);
        Properties overrides = new Properties();
        overrides.setProperty("jclouds.filesystem.basedir", baseDir.toAbsolutePath().toString());
        BlobStoreContext started = ContextBuilder.newBuilder("filesystem-nio2")
                // jclouds requires credentials for every provider; a local directory ignores them
                .credentials("local", "local")
                .overrides(overrides)
                // jclouds logs through java.util.logging (to the console) unless told to use slf4j
                .modules(Set.of(new SLF4JLoggingModule()))
                .build(BlobStoreContext.class);
        S3Proxy serving = null;
        try {
            BlobStore blobStore = started.getBlobStore();
            blobStore.createContainerInLocation(null, bucket);
            serving = S3Proxy.builder()
                    .blobStore(blobStore)
                    .endpoint(URI.create("http://" + HOST + ":" + port))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, credentials.accessKey(), credentials.secretKey())
                    // current AWS SDKs and CLI send x-amz-checksum-* headers, which S3Proxy 2.6 would refuse
                    // with 501 NotImplemented; a dev store can do without verifying those checksums
                    .ignoreUnknownHeaders(true)
                    .build();
            serving.start(); // Jetty's start(): returns once the connector is bound
            port = serving.getPort();
            proxy = serving;
            context = started;
        } catch (Exception | Error e) {
            if (serving != null) {
                serving.stop();
            }
            started.close();
            throw e;
        }
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return URI.create("http://" + HOST + ":" + port);
    }

    /** Stops serving, leaving the objects where they are and the server startable again with {@link #start()}. */
    public synchronized void stop() throws Exception {
        if (proxy == null) {
            return;
        }
        try {
            proxy.stop();
        } finally {
            context.close();
            proxy = null;
            context = null;
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
