package dev.attache.processor.rules;

import static dev.attache.processor.rules.InvalidAttachment.invalid;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

import dev.attache.schemas.attachment.ReferenceFields;

/**
 * The beta {@code referenceAttachment} properties. Enum values are accepted in any case (the beta docs send
 * {@code "Edit"}) and written in Graph's lower-camel spelling, because the Java SDK's {@code forValue()} is an
 * exact-case switch that reads {@code "Edit"} as null.
 */
final class ReferenceRules {

    static final List<String> PROVIDER_TYPES = List.of("other", "oneDriveBusiness", "oneDriveConsumer", "dropbox");
    static final List<String> PERMISSIONS = List.of("other", "view", "edit", "anonymousView", "anonymousEdit",
            "organizationView", "organizationEdit");

    private ReferenceRules() {
    }

    /** The canonical properties of a beta reference attachment described by {@code sent} (null when none were). */
    static ReferenceFields canonical(ReferenceFields sent) {
        if (sent == null || sent.sourceUrl() == null || sent.sourceUrl().isBlank()) {
            throw invalid("sourceUrl is required for a referenceAttachment.");
        }
        return new ReferenceFields(
                url("sourceUrl", sent.sourceUrl()),
                literal("providerType", sent.providerType(), PROVIDER_TYPES),
                literal("permission", sent.permission(), PERMISSIONS),
                sent.isFolder(),
                url("thumbnailUrl", sent.thumbnailUrl()),
                url("previewUrl", sent.previewUrl()));
    }

    /** {@code value} unchanged when it is an absolute http(s) URL with a host, or null when absent. */
    private static String url(String property, String value) {
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            boolean web = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
            if (web && uri.getHost() != null) {
                return value;
            }
        } catch (URISyntaxException e) {
            // answered below, like any other value that is not a web URL
        }
        throw invalid(property + " must be an absolute http or https URL, not '" + value + "'.");
    }

    /** The canonical spelling of {@code value} among {@code literals}, compared ignoring case; null when absent. */
    private static String literal(String property, String value, List<String> literals) {
        if (value == null) {
            return null;
        }
        for (String literal : literals) {
            if (literal.equalsIgnoreCase(value)) {
                return literal;
            }
        }
        throw invalid("The " + property + " '" + value + "' is not valid. Use one of: " + String.join(", ", literals)
                + ".");
    }
}
