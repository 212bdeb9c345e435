package dev.attache.processor.rules;

import static dev.attache.processor.rules.InvalidAttachment.invalid;

import java.util.Set;

import dev.attache.schemas.graph.ODataTypes;

/**
 * The three concrete attachment types, read from {@code @odata.type} the way Graph is seen to accept it: any case,
 * {@code #} optional, the {@code microsoft.graph.} namespace required.
 */
public enum AttachmentKind {

    FILE("fileAttachment", Set.of("contentBytes", "contentId")),
    ITEM("itemAttachment", Set.of("item")),
    REFERENCE("referenceAttachment", Set.of("sourceUrl", "providerType", "permission", "isFolder", "thumbnailUrl",
            "previewUrl"));

    static final String NAMESPACE = ODataTypes.NAMESPACE;

    private static final String CHOICES = "\"" + ODataTypes.FILE_ATTACHMENT + "\", \"" + ODataTypes.ITEM_ATTACHMENT
            + "\" or \"" + ODataTypes.REFERENCE_ATTACHMENT + "\"";

    private final String localName;
    private final Set<String> ownProperties;

    AttachmentKind(String localName, Set<String> ownProperties) {
        this.localName = localName;
        this.ownProperties = ownProperties;
    }

    /** The canonical {@code @odata.type}, e.g. {@code #microsoft.graph.fileAttachment}. */
    public String odataType() {
        return '#' + NAMESPACE + localName;
    }

    /** The type name Graph uses in messages, e.g. {@code microsoft.graph.fileAttachment}. */
    public String qualifiedName() {
        return NAMESPACE + localName;
    }

    /** Whether this type declares {@code property}, one of the {@link SentProperties#kindSpecific} names. */
    boolean declares(String property) {
        return ownProperties.contains(property);
    }

    /** The kind named by {@code odataType} as sent, or an {@link InvalidAttachment}. */
    static AttachmentKind of(String odataType) {
        if (odataType == null || odataType.isBlank()) {
            throw abstractType();
        }
        String local = localName(odataType);
        if ("attachment".equalsIgnoreCase(local)) {
            // the abstract base named explicitly: same answer as when the type is missing
            throw abstractType();
        }
        for (AttachmentKind kind : values()) {
            if (kind.localName.equalsIgnoreCase(local)) {
                return kind;
            }
        }
        throw invalid("A type named '" + odataType + "' could not be resolved as an attachment type. Use "
                + CHOICES + ".");
    }

    /**
     * The name after {@code #microsoft.graph.}, or null when the namespace is missing. Shared with the item types,
     * which follow the same spelling rules.
     */
    static String localName(String odataType) {
        String name = odataType.startsWith("#") ? odataType.substring(1) : odataType;
        boolean qualified = name.regionMatches(true, 0, NAMESPACE, 0, NAMESPACE.length());
        return qualified ? name.substring(NAMESPACE.length()) : null;
    }

    private static InvalidAttachment abstractType() {
        return invalid("Cannot process input of abstract type 'microsoft.graph.attachment'. Add \"@odata.type\" with "
                + CHOICES + ".");
    }
}
