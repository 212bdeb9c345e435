package dev.attache.ingest.query;

import static dev.attache.ingest.query.Fixtures.ALL;
import static dev.attache.ingest.query.Fixtures.filter;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.attache.schemas.attachment.AttachmentRecord;

/**
 * Random boolean filters, evaluated by Olingo's parse and {@link RecordEvaluator}, against an independent model: the
 * tree the text was printed from, evaluated here with OData's three-valued logic. Each tree is printed twice, fully
 * parenthesised and with the fewest parentheses OData's precedence allows ({@code not} over {@code and} over
 * {@code or}), so the parser's precedence is checked on thousands of shapes.
 */
class FilterModelTest {

    private interface Node {
        /** True, false, or null (OData's null). */
        Boolean eval(AttachmentRecord record);

        String full();

        /** With parentheses only where precedence needs them. */
        String minimal();

        /** 1 or, 2 and, 3 a comparison, 4 not, 5 a function call: OData binds higher numbers tighter. */
        int precedence();
    }

    private record Atom(String text, Function<AttachmentRecord, Boolean> model) implements Node {
        public Boolean eval(AttachmentRecord record) {
            return model.apply(record);
        }

        public String full() {
            return text;
        }

        public String minimal() {
            return text;
        }

        public int precedence() {
            // a comparison ("size eq 1") binds looser than not; a call ("startswith(…)") does not
            return text.endsWith(")") ? 5 : 3;
        }
    }

    private record Not(Node operand) implements Node {
        public Boolean eval(AttachmentRecord record) {
            Boolean value = operand.eval(record);
            return value == null ? null : !value;
        }

        public String full() {
            return "not (" + operand.full() + ")";
        }

        public String minimal() {
            // "not not x" is valid OData but Olingo 5.0.0 does not parse it; a nested not gets parentheses
            return operand.precedence() == 5 ? "not " + operand.minimal() : "not (" + operand.minimal() + ")";
        }

        public int precedence() {
            return 4;
        }
    }

    private record And(Node left, Node right) implements Node {
        public Boolean eval(AttachmentRecord record) {
            Boolean l = left.eval(record);
            Boolean r = right.eval(record);
            if (Boolean.FALSE.equals(l) || Boolean.FALSE.equals(r)) {
                return false;
            }
            return l == null || r == null ? null : true;
        }

        public String full() {
            return "(" + left.full() + ") and (" + right.full() + ")";
        }

        public String minimal() {
            // and is left-associative: a right operand of the same precedence needs parentheses
            return wrap(left, 2, false) + " and " + wrap(right, 2, true);
        }

        public int precedence() {
            return 2;
        }
    }

    private record Or(Node left, Node right) implements Node {
        public Boolean eval(AttachmentRecord record) {
            Boolean l = left.eval(record);
            Boolean r = right.eval(record);
            if (Boolean.TRUE.equals(l) || Boolean.TRUE.equals(r)) {
                return true;
            }
            return l == null || r == null ? null : false;
        }

        public String full() {
            return "(" + left.full() + ") or (" + right.full() + ")";
        }

        public String minimal() {
            return wrap(left, 1, false) + " or " + wrap(right, 1, true);
        }

        public int precedence() {
            return 1;
        }
    }

    private static String wrap(Node node, int precedence, boolean right) {
        boolean needs = node.precedence() < precedence || right && node.precedence() == precedence;
        return needs ? "(" + node.minimal() + ")" : node.minimal();
    }

    private static final String[] OPS = {"eq", "ne", "gt", "ge", "lt", "le"};

    /** OData comparison of two possibly-null comparables. */
    private static <T extends Comparable<T>> Boolean compare(String op, T left, T right) {
        if (op.equals("eq") || op.equals("ne")) {
            boolean equal = left == null ? right == null : right != null && left.compareTo(right) == 0;
            return op.equals("eq") == equal;
        }
        if (left == null || right == null) {
            return false;
        }
        int c = left.compareTo(right);
        return switch (op) {
            case "gt" -> c > 0;
            case "ge" -> c >= 0;
            case "lt" -> c < 0;
            default -> c <= 0;
        };
    }

    private static Node atom(Random random) {
        String op = OPS[random.nextInt(OPS.length)];
        switch (random.nextInt(6)) {
            case 0: {
                int n = List.of(20, 178, 382, 2473, 5000, 0, 1000).get(random.nextInt(7));
                return new Atom("size " + op + " " + n, r -> compare(op, r.size(), n));
            }
            case 1: {
                String s = List.of("menu.txt", "Photo.JPG", "Holiday event", "Budget.xlsx", "a", "Z")
                        .get(random.nextInt(6));
                return new Atom("name " + op + " '" + s + "'", r -> compare(op, r.name(), s));
            }
            case 2: {
                return new Atom("contentType " + op + " null", r -> compare(op, r.contentType(), null));
            }
            case 3: {
                String t = List.of("2017-04-15T03:21:49Z", "2018-01-01T00:00:00Z", "2016-01-01T00:00:00Z")
                        .get(random.nextInt(3));
                Instant instant = Instant.parse(t);
                return new Atom("lastModifiedDateTime " + op + " " + t, r -> compare(op,
                        r.lastModifiedDateTime() == null ? null : Instant.parse(r.lastModifiedDateTime()), instant));
            }
            case 4: {
                boolean b = random.nextBoolean();
                return new Atom("isInline " + op + " " + b, r -> compare(op, r.isInline(), b));
            }
            default: {
                String prefix = List.of("m", "P", "H", "B", "x").get(random.nextInt(5));
                return new Atom("startswith(name,'" + prefix + "')",
                        r -> r.name() == null ? null : r.name().startsWith(prefix));
            }
        }
    }

    private static Node tree(Random random, int depth) {
        if (depth == 0 || random.nextInt(5) == 0) {
            return atom(random);
        }
        return switch (random.nextInt(5)) {
            case 0 -> new Not(tree(random, depth - 1));
            case 1, 2 -> new And(tree(random, depth - 1), tree(random, depth - 1));
            default -> new Or(tree(random, depth - 1), tree(random, depth - 1));
        };
    }

    private static List<String> expected(Node node) {
        return ALL.stream().filter(r -> Boolean.TRUE.equals(node.eval(r))).map(AttachmentRecord::attachmentId)
                .toList();
    }

    @Test
    void randomFiltersAgreeWithTheModel() {
        Random random = new Random(4242);
        int nonTrivial = 0;
        for (int i = 0; i < 3_000; i++) {
            Node node = tree(random, 5);
            List<String> expected = expected(node);
            assertThat(filter(node.full())).as(node.full()).isEqualTo(expected);
            assertThat(filter(node.minimal())).as(node.minimal()).isEqualTo(expected);
            if (!expected.isEmpty() && expected.size() < ALL.size()) {
                nonTrivial++;
            }
        }
        assertThat(nonTrivial).as("filters that keep some but not all").isGreaterThan(1_000);
    }

    @Test
    void theMinimalFormReliesOnPrecedence() {
        Node tree = new Or(new Atom("a eq 1", r -> true), new And(new Atom("b eq 1", r -> true),
                new Not(new Atom("f(c)", r -> true))));
        assertThat(tree.minimal()).isEqualTo("a eq 1 or b eq 1 and not f(c)");
        assertThat(new Not(new Atom("a eq 1", r -> true)).minimal()).isEqualTo("not (a eq 1)");
        Node other = new And(new Or(new Atom("a", r -> true), new Atom("b", r -> true)), new Not(new And(
                new Atom("c", r -> true), new Atom("d", r -> true))));
        assertThat(other.minimal()).isEqualTo("(a or b) and not (c and d)");
    }
}
