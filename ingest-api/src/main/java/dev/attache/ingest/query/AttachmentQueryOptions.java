package dev.attache.ingest.query;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.StringJoiner;

import org.apache.olingo.server.api.uri.queryoption.OrderByItem;
import org.apache.olingo.server.api.uri.queryoption.expression.Expression;

import dev.attache.ingest.error.GraphException;
import dev.attache.schemas.attachment.AttachmentRecord;

/**
 * The OData query options of {@code GET …/events/{E}/attachments}, validated, and their application to the event's
 * attachments. Pure: no HTTP, no I/O; immutable and safe to share.
 *
 * <pre>{@code
 * AttachmentQueryOptions options = AttachmentQueryOptions.parse(params); // 400 GraphException on any bad option
 * QueryResult result = options.apply(records);                           // never throws for valid records
 * // write result.value() with options.selects(...) / options.expandItem(),
 * // "@odata.count": result.count() when options.count(),
 * // "@odata.nextLink": path + "?" + options.nextLinkQuery(result.nextSkip().getAsInt()) when result.hasNextPage()
 * }</pre>
 *
 * <p>Supported: {@code $select}, {@code $expand} (see {@link Projection}), {@code $filter} and {@code $orderby}
 * (parsed by Apache Olingo, evaluated by {@link RecordEvaluator}), {@code $top} (0…{@value #MAX_TOP}, the page size),
 * {@code $skip}, {@code $count}. Option names start with {@code $} and match ignoring case; anything else starting
 * with {@code $} is a 400 naming it.
 *
 * <p>Paging: {@code $top} is the page size, as on Graph's Outlook resources; without it the page holds up to
 * {@value #DEFAULT_PAGE_SIZE}. When more records follow the page, {@link QueryResult#nextSkip()} is where the next page
 * starts, and the next link repeats the other options unchanged.
 */
public final class AttachmentQueryOptions {

    public static final int MAX_TOP = 1000;
    public static final int DEFAULT_PAGE_SIZE = 100;

    private static final AttachmentQueryOptions NONE = new AttachmentQueryOptions(Map.of(), Projection.DEFAULT, null,
            List.of(), null, 0, false);

    private final Map<String, String> given;
    private final Projection projection;
    private final Expression filter;
    private final List<OrderKey> orderBy;
    private final Integer top;
    private final int skip;
    private final boolean count;

    private record OrderKey(Expression expression, boolean descending) {
    }

    private AttachmentQueryOptions(Map<String, String> given, Projection projection, Expression filter,
            List<OrderKey> orderBy, Integer top, int skip, boolean count) {
        this.given = given;
        this.projection = projection;
        this.filter = filter;
        this.orderBy = orderBy;
        this.top = top;
        this.skip = skip;
        this.count = count;
    }

    /** No options: everything, in store order, in pages of {@value #DEFAULT_PAGE_SIZE}. */
    public static AttachmentQueryOptions none() {
        return NONE;
    }

    /**
     * Validates every option.
     *
     * @param params the query parameters, decoded once from the URL, by name as sent
     * @throws GraphException 400 {@code BadRequest} naming the first bad option
     */
    public static AttachmentQueryOptions parse(Map<String, List<String>> params) {
        Map<String, String> given = QueryParameters.read(params, QueryParameters.LIST_OPTIONS,
                "on a list of attachments");
        Projection projection = Projection.parse(given.get(QueryParameters.SELECT),
                given.get(QueryParameters.EXPAND));

        Expression filter = null;
        if (given.containsKey(QueryParameters.FILTER)) {
            filter = ODataExpressions.filter(given.get(QueryParameters.FILTER));
            Value.Kind kind = RecordEvaluator.validate(filter, QueryParameters.FILTER);
            if (kind != Value.Kind.BOOLEAN && kind != Value.Kind.NULL) {
                throw GraphException.badRequest("Invalid $filter: the expression is not Edm.Boolean.");
            }
        }

        List<OrderKey> orderBy = new ArrayList<>();
        if (given.containsKey(QueryParameters.ORDER_BY)) {
            for (OrderByItem item : ODataExpressions.orderBy(given.get(QueryParameters.ORDER_BY))) {
                RecordEvaluator.validate(item.getExpression(), QueryParameters.ORDER_BY);
                orderBy.add(new OrderKey(item.getExpression(), item.isDescending()));
            }
        }

        Integer top = null;
        if (given.containsKey(QueryParameters.TOP)) {
            String value = given.get(QueryParameters.TOP);
            BigInteger parsed = nonNegativeInteger(QueryParameters.TOP, value);
            if (parsed.compareTo(BigInteger.valueOf(MAX_TOP)) > 0) {
                // The wording of Graph's OData library.
                throw GraphException.badRequest("The limit of '" + MAX_TOP
                        + "' for Top query has been exceeded. The value from the incoming request is '" + value
                        + "'.");
            }
            top = parsed.intValueExact();
        }

        int skip = 0;
        if (given.containsKey(QueryParameters.SKIP)) {
            String value = given.get(QueryParameters.SKIP);
            BigInteger parsed = nonNegativeInteger(QueryParameters.SKIP, value);
            if (parsed.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
                throw GraphException.badRequest("Invalid $skip: '" + value + "' is larger than "
                        + Integer.MAX_VALUE + ".");
            }
            skip = parsed.intValueExact();
        }

        boolean count = false;
        if (given.containsKey(QueryParameters.COUNT)) {
            String value = given.get(QueryParameters.COUNT);
            if (value.equalsIgnoreCase("true")) {
                count = true;
            } else if (!value.equalsIgnoreCase("false")) {
                throw GraphException.badRequest("Invalid $count: '" + value + "' is neither true nor false.");
            }
        }

        return new AttachmentQueryOptions(Map.copyOf(given), projection, filter, List.copyOf(orderBy), top, skip,
                count);
    }

    private static BigInteger nonNegativeInteger(String option, String value) {
        if (value.isEmpty() || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw GraphException.badRequest("Invalid " + option + ": '" + value
                    + "' is not a non-negative integer.");
        }
        return new BigInteger(value);
    }

    /**
     * Filters, orders (stably: ties keep the input order, which should be the store's key order so that pages are
     * consistent), counts and cuts the page.
     *
     * @param records all the event's attachments
     */
    public QueryResult apply(List<AttachmentRecord> records) {
        List<AttachmentRecord> matched = new ArrayList<>(records.size());
        for (AttachmentRecord record : records) {
            Objects.requireNonNull(record, "record");
            if (filter == null
                    || Boolean.TRUE.equals(RecordEvaluator.evaluate(filter, record, QueryParameters.FILTER).value())) {
                matched.add(record);
            }
        }
        if (!orderBy.isEmpty()) {
            matched = ordered(matched);
        }
        int total = matched.size();
        int from = Math.min(skip, total);
        int pageSize = pageSize();
        int to = (int) Math.min((long) from + pageSize, total);
        OptionalInt nextSkip = pageSize > 0 && to < total ? OptionalInt.of(to) : OptionalInt.empty();
        return new QueryResult(matched.subList(from, to), total, nextSkip);
    }

    private List<AttachmentRecord> ordered(List<AttachmentRecord> records) {
        record Keyed(AttachmentRecord record, Value[] keys) {
        }
        List<Keyed> keyed = new ArrayList<>(records.size());
        for (AttachmentRecord record : records) {
            Value[] keys = new Value[orderBy.size()];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = RecordEvaluator.evaluate(orderBy.get(i).expression(), record, QueryParameters.ORDER_BY);
            }
            keyed.add(new Keyed(record, keys));
        }
        Comparator<Keyed> comparator = (a, b) -> {
            for (int i = 0; i < orderBy.size(); i++) {
                int c = compareNullsFirst(a.keys()[i], b.keys()[i]);
                if (c != 0) {
                    return orderBy.get(i).descending() ? -c : c;
                }
            }
            return 0;
        };
        keyed.sort(comparator); // List.sort is stable
        List<AttachmentRecord> sorted = new ArrayList<>(keyed.size());
        for (Keyed k : keyed) {
            sorted.add(k.record());
        }
        return sorted;
    }

    /** OData: nulls sort before values ascending, so after them descending. */
    private static int compareNullsFirst(Value a, Value b) {
        if (a.isNull() || b.isNull()) {
            return a.isNull() ? (b.isNull() ? 0 : -1) : 1;
        }
        return a.compareTo(b);
    }

    /** Whether to write {@code @odata.count}. */
    public boolean count() {
        return count;
    }

    /** {@code $top} when given. */
    public OptionalInt top() {
        return top == null ? OptionalInt.empty() : OptionalInt.of(top);
    }

    public int skip() {
        return skip;
    }

    /** The most records a page holds: {@code $top}, else {@value #DEFAULT_PAGE_SIZE}. */
    public int pageSize() {
        return top == null ? DEFAULT_PAGE_SIZE : top;
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

    /**
     * The query string (without {@code ?}) of the next page: the options given, in a fixed order, with {@code $skip}
     * replaced. Values are percent-encoded so that decoding once gives them back exactly.
     */
    public String nextLinkQuery(int nextSkip) {
        if (nextSkip < 0) {
            throw new IllegalArgumentException("nextSkip " + nextSkip);
        }
        StringJoiner query = new StringJoiner("&");
        for (String option : QueryParameters.LIST_OPTIONS) {
            if (option.equals(QueryParameters.SKIP)) {
                query.add(option + "=" + nextSkip);
            } else if (given.containsKey(option)) {
                query.add(option + "=" + QueryStrings.encodeForLink(given.get(option)));
            }
        }
        return query.toString();
    }
}
