package dev.attache.ingest.query;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.olingo.server.api.ODataLibraryException;
import org.apache.olingo.server.api.uri.UriInfo;
import org.apache.olingo.server.api.uri.queryoption.OrderByItem;
import org.apache.olingo.server.api.uri.queryoption.expression.Expression;
import org.apache.olingo.server.core.uri.parser.Parser;
import org.apache.olingo.server.core.uri.parser.UriParserException;
import org.apache.olingo.server.core.uri.validator.UriValidationException;

import dev.attache.ingest.error.GraphException;

/**
 * Parses {@code $filter} and {@code $orderby} with Apache Olingo's URI parser against {@link AttachmentEdm}, and turns
 * every failure into a 400 that names the option.
 */
final class ODataExpressions {

    /** Longer than any URL a server accepts in practice; keeps a hostile expression from costing more. */
    static final int MAX_LENGTH = 4096;

    /**
     * Olingo's parser is recursive: around a thousand nested parentheses overflow a default thread stack. No real
     * filter comes near this.
     */
    static final int MAX_NESTING = 100;

    /** How much of a bad value an error message repeats. */
    private static final int ECHO_LENGTH = 200;

    private static final Pattern PROPERTY_NOT_IN_TYPE = Pattern.compile(
            "The property '(.*)', used in a query expression, is not defined in type '(.*)'\\.");

    private ODataExpressions() {
    }

    static Expression filter(String value) {
        return parse(QueryParameters.FILTER, value).getFilterOption().getExpression();
    }

    static List<OrderByItem> orderBy(String value) {
        return parse(QueryParameters.ORDER_BY, value).getOrderByOption().getOrders();
    }

    private static UriInfo parse(String option, String value) {
        if (value.isBlank()) {
            throw GraphException.badRequest("Invalid " + option + ": the value is empty.");
        }
        if (value.length() > MAX_LENGTH) {
            throw GraphException.badRequest("Invalid " + option + ": longer than " + MAX_LENGTH + " characters.");
        }
        if (nesting(value) > MAX_NESTING) {
            throw GraphException.badRequest("Invalid " + option + ": parentheses nested deeper than " + MAX_NESTING
                    + " levels.");
        }
        try {
            return new Parser(AttachmentEdm.EDM, AttachmentEdm.ODATA)
                    .parseUri("/" + AttachmentEdm.ENTITY_SET, option + "=" + QueryStrings.encodeStrict(value), null,
                            "");
        } catch (UriParserException | UriValidationException e) {
            throw translate(option, value, e);
        } catch (RuntimeException | StackOverflowError e) {
            // A parser bug or an absurdly nested expression: still the client's bad option, never a 500.
            throw GraphException.badRequest("Invalid " + option + ": " + echo(value) + " could not be parsed.");
        }
    }

    private static GraphException translate(String option, String value, ODataLibraryException e) {
        String key = e.getMessageKey().getKey();
        String message = e.getTranslatedMessage(Locale.ENGLISH).getMessage();
        if ("SYNTAX".equals(key)) {
            return GraphException.badRequest("Invalid " + option + ": syntax error in " + echo(value) + ".");
        }
        Matcher notInType = PROPERTY_NOT_IN_TYPE.matcher(message == null ? "" : message);
        if (notInType.matches()) {
            // Graph's own wording (graph-compatibility.md §5.2), as for $select.
            return GraphException.badRequest("Invalid " + option + ": Could not find a property named '"
                    + notInType.group(1) + "' on type '" + notInType.group(2) + "'.");
        }
        return GraphException.badRequest("Invalid " + option + ": "
                + (message == null || message.isBlank() ? key : message));
    }

    /** The deepest parenthesis nesting outside string literals (where {@code ''} is an escaped quote). */
    static int nesting(String value) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\'') {
                inString = !inString; // an escaped '' toggles twice
            } else if (!inString && c == '(') {
                deepest = Math.max(deepest, ++depth);
            } else if (!inString && c == ')') {
                depth--;
            }
        }
        return deepest;
    }

    private static String echo(String value) {
        return "'" + (value.length() <= ECHO_LENGTH ? value : value.substring(0, ECHO_LENGTH) + "…") + "'";
    }
}
