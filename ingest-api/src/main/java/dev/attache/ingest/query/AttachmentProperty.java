package dev.attache.ingest.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;

import dev.attache.schemas.attachment.AttachmentRecord;
import dev.attache.schemas.attachment.ReferenceFields;

/**
 * The structural properties of the attachment types: the one catalogue from which the EDM for Olingo is built, against
 * which {@code $select} is checked, and from which filter and order values are read off a record.
 */
enum AttachmentProperty {

    ID("id", EdmPrimitiveTypeKind.String, AttachmentType.ATTACHMENT, false, AttachmentRecord::attachmentId),
    NAME("name", EdmPrimitiveTypeKind.String, AttachmentType.ATTACHMENT, true, AttachmentRecord::name),
    CONTENT_TYPE("contentType", EdmPrimitiveTypeKind.String, AttachmentType.ATTACHMENT, true,
            AttachmentRecord::contentType),
    SIZE("size", EdmPrimitiveTypeKind.Int32, AttachmentType.ATTACHMENT, false, AttachmentRecord::size),
    IS_INLINE("isInline", EdmPrimitiveTypeKind.Boolean, AttachmentType.ATTACHMENT, false,
            AttachmentRecord::isInline),
    LAST_MODIFIED_DATE_TIME("lastModifiedDateTime", EdmPrimitiveTypeKind.DateTimeOffset, AttachmentType.ATTACHMENT,
            true, AttachmentRecord::lastModifiedDateTime),

    CONTENT_ID("contentId", EdmPrimitiveTypeKind.String, AttachmentType.FILE, true, AttachmentRecord::contentId),
    CONTENT_LOCATION("contentLocation", EdmPrimitiveTypeKind.String, AttachmentType.FILE, true, record -> null),
    /** Lives in S3, not on the record: selectable, but not usable in {@code $filter} or {@code $orderby}. */
    CONTENT_BYTES("contentBytes", EdmPrimitiveTypeKind.Binary, AttachmentType.FILE, true, null),

    SOURCE_URL("sourceUrl", EdmPrimitiveTypeKind.String, AttachmentType.REFERENCE, true,
            reference(ReferenceFields::sourceUrl)),
    PROVIDER_TYPE("providerType", EdmPrimitiveTypeKind.String, AttachmentType.REFERENCE, true,
            reference(ReferenceFields::providerType)),
    PERMISSION("permission", EdmPrimitiveTypeKind.String, AttachmentType.REFERENCE, true,
            reference(ReferenceFields::permission)),
    IS_FOLDER("isFolder", EdmPrimitiveTypeKind.Boolean, AttachmentType.REFERENCE, true,
            reference(ReferenceFields::isFolder)),
    THUMBNAIL_URL("thumbnailUrl", EdmPrimitiveTypeKind.String, AttachmentType.REFERENCE, true,
            reference(ReferenceFields::thumbnailUrl)),
    PREVIEW_URL("previewUrl", EdmPrimitiveTypeKind.String, AttachmentType.REFERENCE, true,
            reference(ReferenceFields::previewUrl));

    private final String propertyName;
    private final EdmPrimitiveTypeKind edmType;
    private final AttachmentType declaringType;
    private final boolean nullable;
    private final Function<AttachmentRecord, Object> reader;

    AttachmentProperty(String propertyName, EdmPrimitiveTypeKind edmType, AttachmentType declaringType,
            boolean nullable, Function<AttachmentRecord, Object> reader) {
        this.propertyName = propertyName;
        this.edmType = edmType;
        this.declaringType = declaringType;
        this.nullable = nullable;
        this.reader = reader;
    }

    String propertyName() {
        return propertyName;
    }

    EdmPrimitiveTypeKind edmType() {
        return edmType;
    }

    AttachmentType declaringType() {
        return declaringType;
    }

    boolean nullable() {
        return nullable;
    }

    /** Whether the value is on the record (so it can be filtered and ordered on). */
    boolean readable() {
        return reader != null;
    }

    /** The raw value on the record, or null when the record is not of the declaring type. */
    Object read(AttachmentRecord record) {
        if (reader == null) {
            throw new IllegalStateException(propertyName + " is not on the record");
        }
        return AttachmentType.of(record).isA(declaringType) ? reader.apply(record) : null;
    }

    /** Whether an instance of {@code type} has this property (its own or inherited). */
    boolean isOn(AttachmentType type) {
        return type.isA(declaringType);
    }

    /** The properties declared by {@code type} itself, in catalogue order. */
    static List<AttachmentProperty> declaredBy(AttachmentType type) {
        List<AttachmentProperty> declared = new ArrayList<>();
        for (AttachmentProperty property : values()) {
            if (property.declaringType == type) {
                declared.add(property);
            }
        }
        return declared;
    }

    /** The property of that exact name (case-sensitive, as in the EDM). */
    static Optional<AttachmentProperty> named(String name) {
        for (AttachmentProperty property : values()) {
            if (property.propertyName.equals(name)) {
                return Optional.of(property);
            }
        }
        return Optional.empty();
    }

    /** The property of that name ignoring case, as {@code $select} accepts it. */
    static Optional<AttachmentProperty> namedIgnoringCase(String name) {
        for (AttachmentProperty property : values()) {
            if (property.propertyName.equalsIgnoreCase(name)) {
                return Optional.of(property);
            }
        }
        return Optional.empty();
    }

    private static Function<AttachmentRecord, Object> reference(Function<ReferenceFields, Object> field) {
        return record -> record.reference() == null ? null : field.apply(record.reference());
    }
}
