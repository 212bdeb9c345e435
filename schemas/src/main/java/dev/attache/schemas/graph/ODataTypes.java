package dev.attache.schemas.graph;

/** The {@code @odata.type} values attache reads and writes, spelled once for both apps. */
public final class ODataTypes {

    /** What every Graph type name starts with, once a leading {@code #} is taken off. */
    public static final String NAMESPACE = "microsoft.graph.";

    public static final String FILE_ATTACHMENT = "#microsoft.graph.fileAttachment";
    public static final String ITEM_ATTACHMENT = "#microsoft.graph.itemAttachment";
    public static final String REFERENCE_ATTACHMENT = "#microsoft.graph.referenceAttachment";

    public static final String EVENT = "#microsoft.graph.event";
    public static final String MESSAGE = "#microsoft.graph.message";
    public static final String CONTACT = "#microsoft.graph.contact";

    private ODataTypes() {
    }
}
