package dev.attache.processor.rules;

import static dev.attache.processor.rules.InvalidAttachment.invalid;

import dev.attache.schemas.graph.ODataTypes;

/** The Outlook items an {@code itemAttachment} may carry, read like {@code @odata.type} (see {@link AttachmentKind}). */
enum ItemType {

    EVENT("event"),
    MESSAGE("message"),
    CONTACT("contact");

    private static final String CHOICES = "\"" + ODataTypes.EVENT + "\", \"" + ODataTypes.MESSAGE + "\" or \""
            + ODataTypes.CONTACT + "\"";

    private final String localName;

    ItemType(String localName) {
        this.localName = localName;
    }

    String odataType() {
        return '#' + AttachmentKind.NAMESPACE + localName;
    }

    /** The canonical {@code @odata.type} of the item whose type was sent as {@code odataType}. */
    static String canonical(String odataType) {
        if (odataType == null || odataType.isBlank()) {
            throw invalid("The item of an itemAttachment needs an \"@odata.type\": " + CHOICES + ".");
        }
        String local = AttachmentKind.localName(odataType);
        for (ItemType type : values()) {
            if (type.localName.equalsIgnoreCase(local)) {
                return type.odataType();
            }
        }
        throw invalid("The item type '" + odataType + "' is not supported for an itemAttachment. Use " + CHOICES
                + ".");
    }
}
