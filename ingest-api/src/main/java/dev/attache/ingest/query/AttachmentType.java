package dev.attache.ingest.query;

import java.util.Optional;

import dev.attache.schemas.attachment.AttachmentRecord;

/** The entity types of the attachment model: the abstract base and its three derived types. */
enum AttachmentType {

    ATTACHMENT("attachment"),
    FILE("fileAttachment"),
    ITEM("itemAttachment"),
    REFERENCE("referenceAttachment");

    static final String NAMESPACE = "microsoft.graph";

    private final String simpleName;

    AttachmentType(String simpleName) {
        this.simpleName = simpleName;
    }

    String simpleName() {
        return simpleName;
    }

    /** {@code microsoft.graph.fileAttachment}: the form used in casts and in Graph's error messages. */
    String qualifiedName() {
        return NAMESPACE + "." + simpleName;
    }

    /** Whether an instance of this type is also an instance of {@code type}. */
    boolean isA(AttachmentType type) {
        return type == ATTACHMENT || type == this;
    }

    /** The type named in a cast segment such as {@code microsoft.graph.fileAttachment}, matched ignoring case. */
    static Optional<AttachmentType> byQualifiedName(String name) {
        for (AttachmentType type : values()) {
            if (type.qualifiedName().equalsIgnoreCase(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The record's type from its {@code @odata.type} (with or without {@code #}, any case); the base if unknown. */
    static AttachmentType of(AttachmentRecord record) {
        String odataType = record.odataType();
        if (odataType == null) {
            return ATTACHMENT;
        }
        String name = odataType.startsWith("#") ? odataType.substring(1) : odataType;
        return byQualifiedName(name).orElse(ATTACHMENT);
    }
}
