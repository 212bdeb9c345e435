package dev.attache.ingest.detection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.mime.MimeTypesFactory;

/**
 * The media type of a file's content, from its first bytes and its name (Apache Tika: magic bytes, then the name's
 * glob). The front detects because only the front has the bytes: the command log carries the answer, never content,
 * so deleting an attachment erases its content and a replay decides from the command alone.
 *
 * <p>Tika core's bundled registry is loaded explicitly rather than through {@code MimeTypes.getDefaultMimeTypes()},
 * which also merges any {@code custom-mimetypes.xml} on the classpath: the answer depends on the bytes, the name and
 * this build only.
 */
public final class MediaTypeDetector {

    /** How many of a file's first bytes detection reads: Tika's magic patterns look no further for common types. */
    public static final int SNIFF_BYTES = 4096;

    private static final MimeTypes TYPES = load();

    private MediaTypeDetector() {
    }

    /** What Tika makes of {@code head} and {@code name}; {@code application/octet-stream} when it cannot tell. */
    public static String detect(byte[] head, String name) {
        Metadata metadata = new Metadata();
        if (name != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        }
        try {
            return TYPES.detect(new ByteArrayInputStream(head), metadata).toString();
        } catch (IOException e) {
            // a byte array cannot fail to read
            throw new UncheckedIOException(e);
        }
    }

    private static MimeTypes load() {
        URL bundled = MimeTypes.class.getResource("tika-mimetypes.xml");
        try {
            return MimeTypesFactory.create(bundled);
        } catch (IOException | MimeTypeException e) {
            throw new IllegalStateException("Cannot load the media type registry", e);
        }
    }
}
