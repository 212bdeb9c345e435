package dev.attache.ingest.query;

import static dev.attache.ingest.query.Fixtures.ALL;
import static dev.attache.ingest.query.Fixtures.badRequest;
import static dev.attache.ingest.query.Fixtures.ids;
import static dev.attache.ingest.query.Fixtures.params;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Option names: {@code $}-prefixed, case-insensitive, once each; nothing unknown slips through. */
class QueryParametersTest {

    @Test
    void optionNamesMatchIgnoringCase() {
        AttachmentQueryOptions options = AttachmentQueryOptions.parse(params("$FILTER", "size gt 1000",
                "$OrderBy", "size desc", "$Top", "1", "$SKIP", "1", "$Count", "true", "$SELECT", "name",
                "$EXPAND", "microsoft.graph.itemattachment/item"));
        QueryResult result = options.apply(ALL);
        assertThat(ids(result)).containsExactly("C");
        assertThat(result.count()).isEqualTo(2);
        assertThat(options.count()).isTrue();
        assertThat(options.selects("size")).isFalse();
        assertThat(options.expandItem()).isTrue();
        assertThat(AttachmentEntityOptions.parse(params("$Select", "name")).selects("size")).isFalse();
    }

    @Test
    void nullOrEmptyParametersAreNoOptions() {
        assertThat(ids(AttachmentQueryOptions.parse(null).apply(ALL))).hasSize(5);
        assertThat(ids(AttachmentQueryOptions.parse(Map.of()).apply(ALL))).hasSize(5);
        assertThat(AttachmentEntityOptions.parse(null).projection().selectsAll()).isTrue();
        assertThat(AttachmentEntityOptions.parse(Map.of()).expandItem()).isFalse();
    }

    @Test
    void anOptionWithoutAValueIsEmpty() {
        Map<String, List<String>> noValues = new HashMap<>();
        noValues.put("$count", List.of());
        badRequest(() -> AttachmentQueryOptions.parse(noValues)).hasMessage(
                "Invalid $count: '' is neither true nor false.");
        Map<String, List<String>> nullValues = new HashMap<>();
        nullValues.put("$top", null);
        badRequest(() -> AttachmentQueryOptions.parse(nullValues)).hasMessageContaining("Invalid $top");
        Map<String, List<String>> nullValue = new HashMap<>();
        List<String> values = new ArrayList<>();
        values.add(null);
        nullValue.put("$select", values);
        badRequest(() -> AttachmentQueryOptions.parse(nullValue)).hasMessage("Invalid $select: the value is empty.");
    }

    @Test
    void customParametersAreLeftAlone() {
        Map<String, List<String>> params = params("api-version", "2", "x", "y", "@p", "'a'", "$filter",
                "name eq 'menu.txt'");
        params.put(null, List.of("ignored"));
        assertThat(ids(AttachmentQueryOptions.parse(params).apply(ALL))).containsExactly("A");
        assertThat(AttachmentEntityOptions.parse(params("api-version", "2")).projection().selectsAll()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"$search", "$format", "$skiptoken", "$deltatoken", "$apply", "$compute", "$levels",
            "$index", "$schemaversion", "$id", "$value", "$foo", "$", "$Search", "$FORMAT", "$select ", "$top5"})
    void anyOtherDollarOptionIsRefusedByName(String name) {
        badRequest(() -> AttachmentQueryOptions.parse(params(name, "x")))
                .hasMessage("Query option '" + name + "' is not supported.");
        badRequest(() -> AttachmentEntityOptions.parse(params(name, "x")))
                .hasMessage("Query option '" + name + "' is not supported.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"$filter", "$orderby", "$top", "$skip", "$count", "$Top", "$COUNT"})
    void listOptionsAreRefusedOnASingleAttachment(String name) {
        badRequest(() -> AttachmentEntityOptions.parse(params(name, "1")))
                .hasMessage("Query option '" + name + "' is not supported on a single attachment.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"select", "expand", "filter", "orderby", "count", "top", "skip", "search", "format",
            "skiptoken", "Top", "FILTER"})
    void systemOptionsWithoutTheDollarAreRefusedNotIgnored(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        badRequest(() -> AttachmentQueryOptions.parse(params(name, "1"))).hasMessage("Query option '" + name
                + "' is not supported without the '$' prefix; use '$" + lower + "'.");
        badRequest(() -> AttachmentEntityOptions.parse(params(name, "1"))).hasMessage("Query option '" + name
                + "' is not supported without the '$' prefix; use '$" + lower + "'.");
    }

    @Test
    void anOptionGivenTwiceIsRefused() {
        badRequest(() -> AttachmentQueryOptions.parse(params("$top", "1", "$top", "2")))
                .hasMessage("Query option '$top' was specified more than once.");
        badRequest(() -> AttachmentQueryOptions.parse(params("$top", "1", "$TOP", "1")))
                .hasMessage("Query option '$top' was specified more than once.");
        badRequest(() -> AttachmentQueryOptions.parse(params("$filter", "true", "$Filter", "true")))
                .hasMessage("Query option '$filter' was specified more than once.");
        badRequest(() -> AttachmentEntityOptions.parse(params("$select", "id", "$SELECT", "name")))
                .hasMessage("Query option '$select' was specified more than once.");
    }

    @Test
    void theFirstBadOptionByNameIsReportedWhateverTheMapOrder() {
        for (Map<String, List<String>> params : List.of(params("$top", "x", "$search", "y"),
                params("$search", "y", "$top", "x"))) {
            badRequest(() -> AttachmentQueryOptions.parse(params))
                    .hasMessage("Query option '$search' is not supported.");
        }
    }

    @Test
    void everyOptionIsValidatedEvenWhenTheResultWouldNotNeedIt() {
        // $top=0 needs no filtering, but a bad $filter is still a 400 at parse time
        badRequest(() -> AttachmentQueryOptions.parse(params("$top", "0", "$filter", "size add 1 gt 0")))
                .hasMessageContaining("$filter");
        badRequest(() -> AttachmentQueryOptions.parse(params("$top", "0", "$orderby", "length(name)")))
                .hasMessageContaining("$orderby");
    }
}
