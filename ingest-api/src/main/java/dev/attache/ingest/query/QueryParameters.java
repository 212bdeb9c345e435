package dev.attache.ingest.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.attache.ingest.error.GraphException;

/**
 * Reads the system query options out of the decoded query parameters: names start with {@code $} and are matched
 * ignoring case; each may appear once; a {@code $} option that is not supported where it is used is a 400 naming it.
 * Parameters without {@code $} are custom options and are left alone, except the names of system options written
 * without their {@code $} (which Graph's beta endpoint would honour): those are refused rather than silently ignored.
 */
final class QueryParameters {

    static final String SELECT = "$select";
    static final String EXPAND = "$expand";
    static final String FILTER = "$filter";
    static final String ORDER_BY = "$orderby";
    static final String COUNT = "$count";
    static final String TOP = "$top";
    static final String SKIP = "$skip";

    /** In the order a next link repeats them. */
    static final List<String> LIST_OPTIONS = List.of(SELECT, EXPAND, FILTER, ORDER_BY, COUNT, TOP, SKIP);
    static final List<String> ENTITY_OPTIONS = List.of(SELECT, EXPAND);

    private static final Set<String> BARE_SYSTEM_NAMES = Set.of("select", "expand", "filter", "orderby", "count",
            "top", "skip", "search", "format", "skiptoken", "deltatoken", "apply", "compute", "levels", "index");

    private QueryParameters() {
    }

    /**
     * The supported options present, by lower-case name, with their single value.
     *
     * @param allowed the lower-case names supported here
     * @param where for the message when a list option is used on a single attachment
     */
    static Map<String, String> read(Map<String, List<String>> params, List<String> allowed, String where) {
        Map<String, String> options = new LinkedHashMap<>();
        if (params == null) {
            return options;
        }
        // Sorted, so that with several bad options the one reported does not depend on the map's order.
        Map<String, List<String>> sorted = new TreeMap<>();
        params.forEach((name, values) -> {
            if (name != null) {
                sorted.put(name, values);
            }
        });
        for (Map.Entry<String, List<String>> entry : sorted.entrySet()) {
            String name = entry.getKey();
            String lower = name.toLowerCase(Locale.ROOT);
            if (!name.startsWith("$")) {
                if (BARE_SYSTEM_NAMES.contains(lower)) {
                    throw GraphException.badRequest("Query option '" + name
                            + "' is not supported without the '$' prefix; use '$" + lower + "'.");
                }
                continue;
            }
            if (!allowed.contains(lower)) {
                if (LIST_OPTIONS.contains(lower)) {
                    throw GraphException.badRequest("Query option '" + name + "' is not supported " + where + ".");
                }
                throw GraphException.badRequest("Query option '" + name + "' is not supported.");
            }
            List<String> values = entry.getValue();
            if (options.containsKey(lower) || values != null && values.size() > 1) {
                throw GraphException.badRequest("Query option '" + lower + "' was specified more than once.");
            }
            String value = values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
            options.put(lower, value);
        }
        return options;
    }
}
