package dev.attache.processor.rules;

import static dev.attache.processor.rules.InvalidAttachment.invalid;

import java.io.IOException;
import java.net.URL;

import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.mime.MimeTypesFactory;

/**
 * A file attachment's content type: the declared one when it fits the content, else the one the front detected
 * from the first bytes and the name (Apache Tika). The front detects, because the log must not carry content bytes;
 * the processor judges the declaration against the detection, so a replay decides from the command alone.
 *
 * <p>The type registry (supertypes, aliases such as {@code image/jpg}) is Tika core's bundled one, loaded explicitly
 * with {@code mimetype-aliases.xml} beside this class, rather than {@code MimeTypes.getDefaultMimeTypes()}: that also
 * merges any {@code custom-mimetypes.xml} found on the classpath, and the answer must depend only on the command and
 * this build.
 */
public final class ContentTypes {

    private static final MediaTypeRegistry REGISTRY = load().getMediaTypeRegistry();

    private ContentTypes() {
    }

    /**
     * The content type to record for a file.
     *
     * @param declared the client's {@code contentType}, or null
     * @param detectedType what the front detected, or null when it could not tell
     * @throws InvalidAttachment when the declaration is no media type or contradicts the content
     */
    public static String resolve(String declared, String detectedType) {
        MediaType detected = detectedType == null ? MediaType.OCTET_STREAM : MediaType.parse(detectedType);
        if (detected == null) {
            // CommandShape refuses such a command before the rules see it
            throw new IllegalArgumentException("detectedType is no media type: " + detectedType);
        }
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

    /** Whether {@code value} is a media type a front may have detected. */
    public static boolean isMediaType(String value) {
        return MediaType.parse(value) != null;
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
