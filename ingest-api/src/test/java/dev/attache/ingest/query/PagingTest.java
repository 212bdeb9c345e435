package dev.attache.ingest.query;

import static dev.attache.ingest.query.Fixtures.badRequest;
import static dev.attache.ingest.query.Fixtures.file;
import static dev.attache.ingest.query.Fixtures.ids;
import static dev.attache.ingest.query.Fixtures.params;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.attache.schemas.attachment.AttachmentRecord;

class PagingTest {

    /** {@code n} records with ids 000, 001, … and size = index. */
    static List<AttachmentRecord> records(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> file(String.format("%04d", i), "f" + i, "text/plain", i, i % 2 == 0, null, null))
                .toList();
    }

    private static List<String> range(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> String.format("%04d", i)).toList();
    }

    private static QueryResult apply(int n, String... nameValues) {
        return AttachmentQueryOptions.parse(params(nameValues)).apply(records(n));
    }

    @ParameterizedTest(name = "{0} records, top={1}, skip={2}: [{3},{4}) next={5}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // no $top: pages of 100
            "0|-|-|0|0|-",
            "1|-|-|0|1|-",
            "99|-|-|0|99|-",
            "100|-|-|0|100|-",
            "101|-|-|0|100|100",
            "250|-|-|0|100|100",
            "250|-|100|100|200|200",
            "250|-|200|200|250|-",
            "250|-|249|249|250|-",
            "250|-|250|250|250|-",
            "250|-|1000|250|250|-",
            // $top is the page size
            "250|10|-|0|10|10",
            "250|10|10|10|20|20",
            "250|10|240|240|250|-",
            "250|10|245|245|250|-",
            "250|250|-|0|250|-",
            "250|249|-|0|249|249",
            "250|251|-|0|250|-",
            "250|1000|-|0|250|-",
            "1500|1000|-|0|1000|1000",
            "1500|1000|1000|1000|1500|-",
            "1500|-|1400|1400|1500|-",
            "1500|-|1399|1399|1499|1499",
            // $top=0: an empty page and no next link (only the count is of use)
            "250|0|-|0|0|-",
            "250|0|10|10|10|-",
            "0|0|-|0|0|-",
            // no overflow at the ends of int
            "250|1000|2147483647|250|250|-",
            "250|-|2147483647|250|250|-",
    })
    void pages(int n, Integer top, Integer skip, int from, int to, Integer next) {
        List<String> nameValues = new ArrayList<>();
        if (top != null) {
            nameValues.addAll(List.of("$top", top.toString()));
        }
        if (skip != null) {
            nameValues.addAll(List.of("$skip", skip.toString()));
        }
        QueryResult result = apply(n, nameValues.toArray(String[]::new));
        assertThat(ids(result)).isEqualTo(range(from, to));
        assertThat(result.count()).isEqualTo(n);
        if (next == null) {
            assertThat(result.nextSkip()).isEmpty();
            assertThat(result.hasNextPage()).isFalse();
        } else {
            assertThat(result.nextSkip()).hasValue(next);
            assertThat(result.hasNextPage()).isTrue();
        }
    }

    @Test
    void countIsAfterTheFilterBeforeThePage() {
        AttachmentQueryOptions options = AttachmentQueryOptions.parse(params("$filter", "isInline", "$count", "true",
                "$top", "5", "$skip", "3"));
        QueryResult result = options.apply(records(30));
        assertThat(options.count()).isTrue();
        assertThat(result.count()).isEqualTo(15);
        assertThat(ids(result)).containsExactly("0006", "0008", "0010", "0012", "0014");
        assertThat(result.nextSkip()).hasValue(8);
    }

    @Test
    void countFlag() {
        assertThat(AttachmentQueryOptions.parse(params()).count()).isFalse();
        assertThat(AttachmentQueryOptions.parse(params("$count", "true")).count()).isTrue();
        assertThat(AttachmentQueryOptions.parse(params("$count", "TRUE")).count()).isTrue();
        assertThat(AttachmentQueryOptions.parse(params("$count", "false")).count()).isFalse();
        assertThat(AttachmentQueryOptions.parse(params("$count", "False")).count()).isFalse();
        assertThat(AttachmentQueryOptions.none().count()).isFalse();
    }

    @Test
    void exposesTopSkipAndPageSize() {
        AttachmentQueryOptions none = AttachmentQueryOptions.parse(params());
        assertThat(none.top()).isEmpty();
        assertThat(none.skip()).isZero();
        assertThat(none.pageSize()).isEqualTo(AttachmentQueryOptions.DEFAULT_PAGE_SIZE);
        AttachmentQueryOptions some = AttachmentQueryOptions.parse(params("$top", "0010", "$skip", "007"));
        assertThat(some.top()).hasValue(10);
        assertThat(some.skip()).isEqualTo(7);
        assertThat(some.pageSize()).isEqualTo(10);
        assertThat(AttachmentQueryOptions.parse(params("$top", "1000")).top()).hasValue(1000);
        assertThat(AttachmentQueryOptions.parse(params("$top", "0")).top()).hasValue(0);
    }

    @Test
    void noOptionsIsEverythingInStoreOrderInPagesOf100() {
        assertThat(ids(AttachmentQueryOptions.none().apply(records(150)))).isEqualTo(range(0, 100));
        assertThat(AttachmentQueryOptions.none().selects("contentBytes")).isTrue();
        assertThat(AttachmentQueryOptions.none().expandItem()).isFalse();
    }

    @Test
    void topOverTheLimitIsGraphsMessage() {
        badRequest(() -> AttachmentQueryOptions.parse(params("$top", "1001"))).hasMessage(
                "The limit of '1000' for Top query has been exceeded. The value from the incoming request is '1001'.");
        badRequest(() -> AttachmentQueryOptions.parse(params("$top", "99999999999999999999999")))
                .hasMessageContaining("The limit of '1000' for Top query has been exceeded");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "abc", "", " ", "1.5", "+5", " 5", "5 ", "1e2", "0x10", "５"})
    void rejectsAMalformedTop(String value) {
        badRequest(() -> AttachmentQueryOptions.parse(params("$top", value)))
                .hasMessage("Invalid $top: '" + value + "' is not a non-negative integer.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "abc", "", "1.5", "+5", " 5"})
    void rejectsAMalformedSkip(String value) {
        badRequest(() -> AttachmentQueryOptions.parse(params("$skip", value)))
                .hasMessage("Invalid $skip: '" + value + "' is not a non-negative integer.");
    }

    @Test
    void rejectsASkipBeyondInt() {
        badRequest(() -> AttachmentQueryOptions.parse(params("$skip", "2147483648")))
                .hasMessage("Invalid $skip: '2147483648' is larger than 2147483647.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yes", "1", "0", "true ", "truefalse"})
    void rejectsAMalformedCount(String value) {
        badRequest(() -> AttachmentQueryOptions.parse(params("$count", value)))
                .hasMessage("Invalid $count: '" + value + "' is neither true nor false.");
    }

    @Test
    void nextLinkQueryRepeatsTheOptionsWithTheNextSkip() {
        AttachmentQueryOptions options = AttachmentQueryOptions.parse(params(
                "$TOP", "5", "$Filter", "name ne 'a&b=c+d #%'", "$orderby", "size desc,name", "$select", "id,name",
                "$count", "true", "$expand", "microsoft.graph.itemattachment/item", "$skip", "5", "custom", "x"));
        assertThat(options.nextLinkQuery(10)).isEqualTo("$select=id,name"
                + "&$expand=microsoft.graph.itemattachment/item"
                + "&$filter=name%20ne%20'a%26b%3Dc%2Bd%20%23%25'"
                + "&$orderby=size%20desc,name"
                + "&$count=true&$top=5&$skip=10");
        assertThat(AttachmentQueryOptions.parse(params()).nextLinkQuery(100)).isEqualTo("$skip=100");
    }

    @Test
    void followingNextLinksVisitsEveryMatchOnceInOrder() {
        List<AttachmentRecord> records = new ArrayList<>(records(95));
        java.util.Collections.shuffle(records, new java.util.Random(7));
        Map<String, List<String>> first = params("$filter", "size ge 10 and name ne 'f50'", "$orderby",
                "isInline desc,size", "$top", "7", "$count", "true");

        List<String> expected = ids(AttachmentQueryOptions.parse(params("$filter", "size ge 10 and name ne 'f50'",
                "$orderby", "isInline desc,size", "$top", "1000")).apply(records));
        assertThat(expected).hasSize(84);

        List<String> seen = new ArrayList<>();
        Map<String, List<String>> params = first;
        int pages = 0;
        while (true) {
            AttachmentQueryOptions options = AttachmentQueryOptions.parse(params);
            QueryResult page = options.apply(records);
            pages++;
            assertThat(page.count()).isEqualTo(84);
            assertThat(page.value()).hasSizeLessThanOrEqualTo(7);
            seen.addAll(ids(page));
            if (!page.hasNextPage()) {
                break;
            }
            params = decode(options.nextLinkQuery(page.nextSkip().getAsInt()));
        }
        assertThat(pages).isEqualTo(12);
        assertThat(seen).isEqualTo(expected);
    }

    @Test
    void nextLinkQueryRejectsANegativeSkip() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AttachmentQueryOptions.none().nextLinkQuery(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theResultIsACopy() {
        QueryResult result = AttachmentQueryOptions.none().apply(records(3));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> result.value().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    /** As the HTTP layer does: split, then decode each name and value once. */
    static Map<String, List<String>> decode(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            params.computeIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    n -> new ArrayList<>()).add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    @Test
    void decodingTheNextLinkGivesBackTheValuesExactly() {
        String filter = "name ne 'ä€ + & = # % ? / , ; \" < >'";
        AttachmentQueryOptions options = AttachmentQueryOptions.parse(params("$filter", filter));
        assertThat(decode(options.nextLinkQuery(3))).containsEntry("$filter", List.of(filter))
                .containsEntry("$skip", List.of("3"));
        assertThat(options.nextLinkQuery(3)).doesNotContain(" ", "+", "#", "?", "\"", "<", ">", ";");
    }
}
