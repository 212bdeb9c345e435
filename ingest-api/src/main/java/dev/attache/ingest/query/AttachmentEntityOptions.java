package dev.attache.ingest.query;

import java.util.List;
import java.util.Map;

import dev.attache.ingest.error.GraphException;

/**
 * The query options of {@code GET …/attachments/{A}}: only {@code $select} and {@code $expand} (see
 * {@link Projection}); any other {@code $} option is a 400 naming it.
 */
public final class AttachmentEntityOptions {

    private final Projection projection;

    private AttachmentEntityOptions(Projection projection) {
        this.projection = projection;
    }

    /**
     * @param params the query parameters, decoded once from the URL, by name as sent
     * @throws GraphException 400 {@code BadRequest} naming the first bad option
     */
    public static AttachmentEntityOptions parse(Map<String, List<String>> params) {
        Map<String, String> given = QueryParameters.read(params, QueryParameters.ENTITY_OPTIONS,
                "on a single attachment");
        return new AttachmentEntityOptions(Projection.parse(given.get(QueryParameters.SELECT),
                given.get(QueryParameters.EXPAND)));
    }

    public Projection projection() {
        return projection;
    }

    /** See {@link Projection#selects(String)}. */
    public boolean selects(String property) {
        return projection.selects(property);
    }

    /** See {@link Projection#selects(String, String)}. */
    public boolean selects(String odataType, String property) {
        return projection.selects(odataType, property);
    }

    public boolean expandItem() {
        return projection.expandItem();
    }
}
