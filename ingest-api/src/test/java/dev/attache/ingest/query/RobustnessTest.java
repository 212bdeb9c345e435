package dev.attache.ingest.query;

import static dev.attache.ingest.query.Fixtures.ALL;
import static dev.attache.ingest.query.Fixtures.filter;
import static dev.attache.ingest.query.Fixtures.ids;
import static dev.attache.ingest.query.Fixtures.params;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.attache.ingest.error.GraphException;

/** Whatever a client sends, the answer is a result or a 400: never another exception (a 500). */
class RobustnessTest {

    private static final String[] TOKENS = {
        "name", "size", "id", "contentType", "isInline", "lastModifiedDateTime", "contentId", "contentBytes",
        "microsoft.graph.fileAttachment/", "microsoft.graph.referenceAttachment/sourceUrl", "microsoft.graph.",
        "$it", "$root", "@p", "eq", "ne", "gt", "ge", "lt", "le", "and", "or", "not", "in", "has", "add", "sub",
        "asc", "desc", "any", "all", "(", ")", "(", ")", ",", "/", "'", "''", "'a'", "'menu.txt'", "null", "true",
        "false", "0", "-1", "178", "1.5", "1e400", "INF", "NaN", "2017-04-15T03:21:49Z", "2017-04-15",
        "binary'AA=='", "duration'P1D'", "startswith", "endswith", "contains", "tolower", "toupper", "length",
        "substring", "cast", "isof", "now()", "*", "$", "&", "=", "%", "%20", "#", "?", "+", ";", "\u0000", "\uFFFF",
        "\uD83D\uDE00", "\uD800", "ä", "\t", "\n", ":", "[", "]", "{", "}", "\"", "\\",
    };

    private static String garbage(Random random) {
        StringBuilder text = new StringBuilder();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            if (random.nextInt(8) == 0) {
                text.append((char) random.nextInt(0x3000));
            } else {
                text.append(TOKENS[random.nextInt(TOKENS.length)]);
            }
            if (random.nextBoolean()) {
                text.append(' ');
            }
        }
        return text.toString();
    }

    @Test
    void randomOptionValuesGiveAResultOrA400() {
        Random random = new Random(20260101);
        String[] options = {"$filter", "$orderby", "$select", "$expand", "$top", "$skip", "$count"};
        int accepted = 0;
        for (int i = 0; i < 20_000; i++) {
            String option = options[random.nextInt(options.length)];
            String value = garbage(random);
            try {
                QueryResult result = AttachmentQueryOptions.parse(params(option, value)).apply(ALL);
                assertThat(result.count()).isBetween(0, ALL.size());
                accepted++;
            } catch (GraphException e) {
                assertThat(e.status()).as(option + "=" + value).isEqualTo(400);
                assertThat(e.getMessage()).isNotBlank();
            } catch (RuntimeException | Error e) {
                throw new AssertionError(option + "=" + value, e);
            }
            try {
                AttachmentEntityOptions.parse(params(option, value));
            } catch (GraphException e) {
                assertThat(e.status()).isEqualTo(400);
            } catch (RuntimeException | Error e) {
                throw new AssertionError("entity " + option + "=" + value, e);
            }
        }
        assertThat(accepted).as("some random values are valid").isPositive();
    }

    @Test
    void randomFiltersFromTheGrammarEvaluateOrGiveA400() {
        Random random = new Random(7);
        int accepted = 0;
        for (int i = 0; i < 5_000; i++) {
            String expression = booleanExpression(random, 4);
            try {
                filter(expression);
                accepted++;
            } catch (GraphException e) {
                assertThat(e.status()).as(expression).isEqualTo(400);
            } catch (RuntimeException | Error e) {
                throw new AssertionError(expression, e);
            }
        }
        assertThat(accepted).isGreaterThan(2_500);
    }

    private static String booleanExpression(Random random, int depth) {
        int choice = depth == 0 ? random.nextInt(3) : random.nextInt(6);
        switch (choice) {
            case 0:
                return comparison(random);
            case 1:
                return random.nextBoolean() ? "isInline" : "startswith(name,'" + (char) ('A' + random.nextInt(26))
                        + "')";
            case 2:
                return random.nextBoolean() ? "true" : "contentType eq null";
            case 3:
                return booleanExpression(random, depth - 1) + " and " + booleanExpression(random, depth - 1);
            case 4:
                return booleanExpression(random, depth - 1) + " or " + booleanExpression(random, depth - 1);
            default:
                return random.nextBoolean() ? "not (" + booleanExpression(random, depth - 1) + ")"
                        : "(" + booleanExpression(random, depth - 1) + ")";
        }
    }

    private static String comparison(Random random) {
        String[] ops = {"eq", "ne", "gt", "ge", "lt", "le"};
        String op = ops[random.nextInt(ops.length)];
        switch (random.nextInt(4)) {
            case 0:
                return "size " + op + " " + (random.nextInt(6000) - 10);
            case 1:
                return "name " + op + " " + (random.nextInt(5) == 0 ? "null" : "'" + (char) ('A' + random.nextInt(58))
                        + "'");
            case 2:
                return "lastModifiedDateTime " + op + " 20" + (10 + random.nextInt(15)) + "-06-01T00:00:00Z";
            default:
                return "isInline " + op + " " + random.nextBoolean();
        }
    }

    @Test
    void nestingIsLimitedBeforeOlingoRecursesTooDeep() {
        int max = ODataExpressions.MAX_NESTING;
        assertThat(filter("(".repeat(max) + "isInline" + ")".repeat(max))).containsExactly("B");
        assertThat(filter("not (".repeat(max) + "isInline" + ")".repeat(max))).containsExactly("B");
        for (String deep : List.of("(".repeat(max + 1) + "isInline" + ")".repeat(max + 1),
                "(".repeat(2000) + "isInline" + ")".repeat(2000), "(".repeat(4000))) {
            Fixtures.badRequest(() -> filter(deep)).hasMessage(
                    "Invalid $filter: parentheses nested deeper than " + max + " levels.");
        }
        Fixtures.badRequest(() -> Fixtures.orderBy("tolower(".repeat(max + 1) + "name" + ")".repeat(max + 1), ALL))
                .hasMessageContaining("$orderby").hasMessageContaining("nested deeper");
        // parentheses inside string literals do not count
        assertThat(filter("name ne '" + "(".repeat(500) + "' and name ne 'it''s(((('")).containsExactly("A", "B",
                "C", "D", "E");
    }

    @Test
    void nestingCountsOutsideStringLiterals() {
        assertThat(ODataExpressions.nesting("a")).isZero();
        assertThat(ODataExpressions.nesting("(a) and (b)")).isEqualTo(1);
        assertThat(ODataExpressions.nesting("((a) and ((b)))")).isEqualTo(3);
        assertThat(ODataExpressions.nesting("'((('")).isZero();
        assertThat(ODataExpressions.nesting("'it''s (' eq ('(')")).isEqualTo(1);
        assertThat(ODataExpressions.nesting("'unterminated ((((")).isZero();
    }

    @Test
    void longChainsEvaluate() {
        StringBuilder chain = new StringBuilder("size eq 0");
        while (chain.length() < ODataExpressions.MAX_LENGTH - 20) {
            chain.append(" or size eq 178");
        }
        assertThat(filter(chain.toString())).containsExactly("A");
        StringBuilder ands = new StringBuilder("size gt 0");
        while (ands.length() < ODataExpressions.MAX_LENGTH - 20) {
            ands.append(" and size ne 1");
        }
        assertThat(filter(ands.toString())).containsExactly("A", "B", "C", "D", "E");
    }

    @Test
    void errorMessagesRepeatAtMostTheStartOfALongValue() {
        String longSyntaxError = "name eq '" + "x".repeat(1000);
        Fixtures.badRequest(() -> filter(longSyntaxError)).satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(
                300));
    }

    @Test
    void optionsAreSharedSafelyAcrossThreads() throws Exception {
        AttachmentQueryOptions shared = AttachmentQueryOptions.parse(params("$filter",
                "size gt 100 and lastModifiedDateTime ne null", "$orderby", "name desc"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                Callable<List<String>> task = () -> n % 2 == 0 ? ids(shared.apply(ALL))
                        : ids(AttachmentQueryOptions.parse(params("$filter",
                                "size gt 100 and lastModifiedDateTime ne null", "$orderby", "name desc")).apply(ALL));
                results.add(pool.submit(task));
            }
            for (Future<List<String>> result : results) {
                assertThat(result.get()).containsExactly("A", "B", "C", "D");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
