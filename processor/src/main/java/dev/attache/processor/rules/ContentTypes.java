package dev.attache.processor.rules;

import static dev.attache.processor.rules.InvalidAttachment.invalid;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.mime.MimeTypesFactory;

/**
 * A file attachment's content type: the declared one when it fits the content, else the one Apache Tika detects
 * from the first bytes and the name.
 *
 * <p>Detection uses Tika core's bundled type registry (magic bytes, then the name's glob), loaded explicitly with
 * {@code mimetype-aliases.xml} beside this class, rather than {@code MimeTypes.getDefaultMimeTypes()} or the
 * service-loaded default detector: those also merge any {@code custom-mimetypes.xml} found on the classpath, and the
 * answer must depend only on the command and this build. (A Tika upgrade can still change an inferred type: a replay
 * compares records made by one build.)
 */
public final class ContentTypes {

    private static final MimeTypes TYPES = load();
    private static final MediaTypeRegistry REGISTRY = TYPES.getMediaTypeRegistry();

    private ContentTypes() {
    }

    /**
     * The content type to record for a file.
     *
     * @param declared the client's {@code contentType}, or null
     * @param head the first bytes of the content (may be empty)
     * @param name the attachment's name, a hint for detection
     */
    public static String resolve(String declared, byte[] head, String name) {
        MediaType detected = detect(head, name);
        if (declared == null) {
            return detected.toString();
        }
        MediaType parsed = MediaType.parse(declared);
        if (parsed == null) {
            throw invalid("The contentType '" + declared + "' is not a valid media type.");
        }
        if (!compatible(parsed, detected)) {
            throw invalid("The contentType '" + declared + "' does not match the content, which was detected as '"
                    + detected + "'.");
        }
        return declared;
    }

    /** What Tika makes of {@code head} and {@code name}; {@code application/octet-stream} when it cannot tell. */
    public static MediaType detect(byte[] head, String name) {
        Metadata metadata = new Metadata();
        if (name != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        }
        try {
            return TYPES.detect(new ByteArrayInputStream(head), metadata);
        } catch (IOException e) {
            // a byte array cannot fail to read
            throw new UncheckedIOException(e);
        }
    }

    private static MimeTypes load() {
        URL bundled = MimeTypes.class.getResource("tika-mimetypes.xml");
        URL aliases = ContentTypes.class.getResource("mimetype-aliases.xml");
        try {
            return MimeTypesFactory.create(bundled, aliases);
        } catch (IOException | MimeTypeException e) {
            throw new IllegalStateException("Cannot load the media type registry", e);
        }
    }

    /**
     * Whether a declared type may stand for content detected as {@code detected}: the same type, one a
     * specialization of the other (e.g. {@code application/zip} content declared as a .docx type), a detection too
     * generic to contradict anything, or a declaration that claims nothing.
     */
    static boolean compatible(MediaType declared, MediaType detected) {
        MediaType d = REGISTRY.normalize(declared.getBaseType());
        MediaType t = REGISTRY.normalize(detected.getBaseType());
        return d.equals(t)
                || t.equals(MediaType.OCTET_STREAM) || t.equals(MediaType.TEXT_PLAIN)
                || d.equals(MediaType.OCTET_STREAM)
                || REGISTRY.isSpecializationOf(d, t) || REGISTRY.isSpecializationOf(t, d);
    }
}
