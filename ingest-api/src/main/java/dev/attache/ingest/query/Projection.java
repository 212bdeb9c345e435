package dev.attache.ingest.query;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.attache.ingest.error.GraphException;

/**
 * What to write of each attachment: {@code $select} and {@code $expand}.
 *
 * <p>{@code $select} takes base properties ({@code id,name,size}) and cast forms for the derived types' own
 * properties ({@code microsoft.graph.fileAttachment/contentId}, {@code microsoft.graph.referenceAttachment/sourceUrl});
 * a cast property applies to attachments of that type only. Names and type names match ignoring case.
 * {@code *} and {@code microsoft.graph.fileAttachment/*} select everything (of that type). A derived property without
 * its cast is refused with Graph's message. {@code @odata.type} and {@code id} are always written.
 *
 * <p>{@code $expand} accepts exactly {@code microsoft.graph.itemAttachment/item}, ignoring case.
 */
public final class Projection {

    public static final String ITEM_EXPAND = "microsoft.graph.itemAttachment/item";

    static final Projection DEFAULT = new Projection(null, false);

    private static final String ODATA_TYPE = "@odata.type";

    /** Null when everything is selected; else per type, {@link AttachmentType#ATTACHMENT} meaning every type. */
    private final Map<AttachmentType, Set<AttachmentProperty>> selected;
    private final boolean expandItem;

    private Projection(Map<AttachmentType, Set<AttachmentProperty>> selected, boolean expandItem) {
        this.selected = selected;
        this.expandItem = expandItem;
    }

    /**
     * @param select the {@code $select} value, or null when absent
     * @param expand the {@code $expand} value, or null when absent
     */
    static Projection parse(String select, String expand) {
        return new Projection(select == null ? null : select(select), expand != null && expand(expand));
    }

    /** Whether {@code $select} was absent or {@code *}: write the default properties. */
    public boolean selectsAll() {
        return selected == null;
    }

    /**
     * Whether to write {@code property} (its canonical name, such as {@code contentId}) on attachments of some type.
     * Always true for {@code id} and {@code @odata.type}.
     */
    public boolean selects(String property) {
        if (selected == null || isAlwaysWritten(property)) {
            return true;
        }
        Optional<AttachmentProperty> known = AttachmentProperty.named(property);
        return known.isPresent() && selected.values().stream().anyMatch(set -> set.contains(known.get()));
    }

    /**
     * Whether to write {@code property} on an attachment of {@code odataType} (such as
     * {@code #microsoft.graph.fileAttachment}): exact for casts of base properties
     * ({@code microsoft.graph.fileAttachment/name} selects {@code name} of file attachments only).
     */
    public boolean selects(String odataType, String property) {
        if (selected == null || isAlwaysWritten(property)) {
            return true;
        }
        Optional<AttachmentProperty> known = AttachmentProperty.named(property);
        if (known.isEmpty()) {
            return false;
        }
        String name = odataType == null ? "" : odataType.startsWith("#") ? odataType.substring(1) : odataType;
        AttachmentType type = AttachmentType.byQualifiedName(name).orElse(AttachmentType.ATTACHMENT);
        return selected.getOrDefault(AttachmentType.ATTACHMENT, Set.of()).contains(known.get())
                || selected.getOrDefault(type, Set.of()).contains(known.get());
    }

    /**
     * The canonical names selected for at least one type, {@code id} first; every property of the model when
     * {@link #selectsAll()}.
     */
    public Set<String> selectedProperties() {
        Set<String> names = new LinkedHashSet<>();
        names.add(AttachmentProperty.ID.propertyName());
        for (AttachmentProperty property : AttachmentProperty.values()) {
            if (selected == null || selected.values().stream().anyMatch(set -> set.contains(property))) {
                names.add(property.propertyName());
            }
        }
        return Collections.unmodifiableSet(names);
    }

    /** Whether {@code $expand=microsoft.graph.itemAttachment/item} asks for the attached item. */
    public boolean expandItem() {
        return expandItem;
    }

    private static boolean isAlwaysWritten(String property) {
        return AttachmentProperty.ID.propertyName().equals(property) || ODATA_TYPE.equals(property);
    }

    private static Map<AttachmentType, Set<AttachmentProperty>> select(String value) {
        if (value.isBlank()) {
            throw GraphException.badRequest("Invalid $select: the value is empty.");
        }
        Map<AttachmentType, Set<AttachmentProperty>> selected = new EnumMap<>(AttachmentType.class);
        boolean all = false;
        for (String raw : value.split(",", -1)) {
            String item = raw.trim();
            if (item.isEmpty()) {
                throw GraphException.badRequest("Invalid $select: an empty item in '" + value + "'.");
            }
            if (item.equals("*")) {
                all = true;
                continue;
            }
            int slash = item.indexOf('/');
            if (slash < 0) {
                selected.computeIfAbsent(AttachmentType.ATTACHMENT, t -> EnumSet.noneOf(AttachmentProperty.class))
                        .add(property(AttachmentType.ATTACHMENT, item));
                continue;
            }
            String typeName = item.substring(0, slash);
            String propertyName = item.substring(slash + 1);
            AttachmentType type = AttachmentType.byQualifiedName(typeName).orElseThrow(() -> GraphException
                    .badRequest("Invalid $select: '" + typeName + "' is not a type derived from '"
                            + AttachmentType.ATTACHMENT.qualifiedName() + "'."));
            Set<AttachmentProperty> ofType = selected.computeIfAbsent(type,
                    t -> EnumSet.noneOf(AttachmentProperty.class));
            if (propertyName.equals("*")) {
                for (AttachmentProperty property : AttachmentProperty.values()) {
                    if (property.isOn(type)) {
                        ofType.add(property);
                    }
                }
            } else if (type == AttachmentType.ITEM && propertyName.equalsIgnoreCase("item")) {
                throw GraphException.badRequest("Invalid $select: 'item' is a navigation property; use $expand="
                        + ITEM_EXPAND + ".");
            } else {
                ofType.add(property(type, propertyName));
            }
        }
        return all ? null : selected;
    }

    private static AttachmentProperty property(AttachmentType type, String name) {
        return AttachmentProperty.namedIgnoringCase(name)
                .filter(property -> property.isOn(type))
                .orElseThrow(() -> notOnType(name, type));
    }

    /** Graph's message (graph-compatibility.md §5.2). */
    static GraphException notOnType(String name, AttachmentType type) {
        return GraphException.badRequest("Could not find a property named '" + name + "' on type '"
                + type.qualifiedName() + "'.");
    }

    private static boolean expand(String value) {
        String item = value.trim();
        if (item.equalsIgnoreCase(ITEM_EXPAND)) {
            return true;
        }
        if (item.equalsIgnoreCase("item")) {
            throw notOnType(item, AttachmentType.ATTACHMENT);
        }
        throw GraphException.badRequest("Invalid $expand: '" + value + "'; only " + ITEM_EXPAND
                + " can be expanded on an attachment.");
    }
}
