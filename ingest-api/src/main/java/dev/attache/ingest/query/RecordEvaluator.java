package dev.attache.ingest.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.apache.olingo.commons.api.edm.EdmEnumType;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.edm.EdmType;
import org.apache.olingo.commons.api.edm.constants.EdmTypeKind;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourcePrimitiveProperty;
import org.apache.olingo.server.api.uri.queryoption.apply.AggregateExpression;
import org.apache.olingo.server.api.uri.queryoption.expression.BinaryOperatorKind;
import org.apache.olingo.server.api.uri.queryoption.expression.Expression;
import org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitException;
import org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitor;
import org.apache.olingo.server.api.uri.queryoption.expression.Literal;
import org.apache.olingo.server.api.uri.queryoption.expression.Member;
import org.apache.olingo.server.api.uri.queryoption.expression.MethodKind;
import org.apache.olingo.server.api.uri.queryoption.expression.UnaryOperatorKind;

import dev.attache.ingest.error.GraphException;
import dev.attache.schemas.attachment.AttachmentRecord;

/**
 * Evaluates an Olingo expression tree ({@code $filter}, or one {@code $orderby} key) over one record.
 *
 * <p>Supported: {@code eq ne gt ge lt le and or not in}, parentheses (the tree already reflects them and OData's
 * precedence), {@code startswith endswith contains tolower toupper}, literals of string, integer, decimal, double,
 * boolean, DateTimeOffset and {@code null}. Anything else is a 400 naming the option.
 *
 * <p>Semantics as OData: strings compare case-sensitively (ordinal, UTF-16), numbers by value, DateTimeOffsets as
 * instants; {@code eq}/{@code ne} treat null as a value ({@code null eq null}); {@code gt ge lt le} with a null operand
 * are false; string functions of a null are null; {@code and}/{@code or}/{@code not} use three-valued logic (null and
 * false is false, null or true is true, not null is null) and a filter keeps only the records where it is true.
 *
 * <p>Every type check uses the static {@link Value.Kind}, before any null short-cut, so evaluating once over any
 * record validates the whole expression (see {@link #validate}).
 */
final class RecordEvaluator implements ExpressionVisitor<Value> {

    private static final DateTimeFormatter DATE_TIME_OFFSET = new DateTimeFormatterBuilder()
            .parseCaseInsensitive().append(DateTimeFormatter.ISO_OFFSET_DATE_TIME).toFormatter(Locale.ROOT);

    /** A record with every optional field absent: enough to walk every node, as checks do not depend on data. */
    private static final AttachmentRecord PROBE = new AttachmentRecord(AttachmentRecord.SCHEMA_VERSION, null, null,
            null, null, null, null, null, 0, false, null, null, null, null, null);

    private final AttachmentRecord record;
    private final String option;

    private RecordEvaluator(AttachmentRecord record, String option) {
        this.record = record;
        this.option = option;
    }

    static Value evaluate(Expression expression, AttachmentRecord record, String option) {
        try {
            return expression.accept(new RecordEvaluator(record, option));
        } catch (ExpressionVisitException | ODataApplicationException e) {
            // Only this class throws inside the walk, and it throws GraphException; kept for the checked signature.
            throw GraphException.badRequest("Invalid " + option + ": " + e.getMessage());
        }
    }

    /** Checks the whole expression (types, operators, functions), so that applying it later cannot fail. */
    static Value.Kind validate(Expression expression, String option) {
        return evaluate(expression, PROBE, option).kind();
    }

    @Override
    public Value visitBinaryOperator(BinaryOperatorKind operator, Value left, Value right) {
        switch (operator) {
            case AND:
                return Value.bool(and(operand(operator, left), operand(operator, right)));
            case OR:
                return Value.bool(or(operand(operator, left), operand(operator, right)));
            case EQ:
                return Value.bool(equal(operator, left, right));
            case NE:
                return Value.bool(!equal(operator, left, right));
            case GT:
                return Value.bool(relation(operator, left, right) > 0);
            case GE:
                return Value.bool(relation(operator, left, right) >= 0);
            case LT:
                return Value.bool(relation(operator, left, right) < 0);
            case LE:
                return Value.bool(relation(operator, left, right) <= 0);
            default:
                throw unsupported("the operator '" + operator + "'");
        }
    }

    @Override
    public Value visitBinaryOperator(BinaryOperatorKind operator, Value left, List<Value> right) {
        if (operator != BinaryOperatorKind.IN) {
            throw unsupported("the operator '" + operator + "'");
        }
        boolean found = false;
        for (Value candidate : right) {
            found |= equal(operator, left, candidate);
        }
        return Value.bool(found);
    }

    @Override
    public Value visitUnaryOperator(UnaryOperatorKind operator, Value operand) {
        if (operator != UnaryOperatorKind.NOT) {
            throw unsupported("the operator '" + operator + "'");
        }
        Boolean value = operand(operator.toString(), operand);
        return Value.bool(value == null ? null : !value);
    }

    @Override
    public Value visitMethodCall(MethodKind method, List<Value> parameters) {
        switch (method) {
            case STARTSWITH:
            case ENDSWITH:
            case CONTAINS: {
                String text = string(method, parameters, 0);
                String part = string(method, parameters, 1);
                if (text == null || part == null) {
                    return Value.bool(null);
                }
                boolean result = method == MethodKind.STARTSWITH ? text.startsWith(part)
                        : method == MethodKind.ENDSWITH ? text.endsWith(part) : text.contains(part);
                return Value.bool(result);
            }
            case TOLOWER:
            case TOUPPER: {
                String text = string(method, parameters, 0);
                if (text == null) {
                    return new Value(Value.Kind.STRING, null);
                }
                return new Value(Value.Kind.STRING, method == MethodKind.TOLOWER
                        ? text.toLowerCase(Locale.ROOT) : text.toUpperCase(Locale.ROOT));
            }
            default:
                throw unsupported("the function '" + method + "'");
        }
    }

    @Override
    public Value visitLiteral(Literal literal) {
        EdmType type = literal.getType();
        String text = literal.getText();
        if (type == null) {
            if ("null".equals(text)) {
                return Value.NULL;
            }
            throw unsupported("the literal '" + text + "'");
        }
        if (type.getKind() != EdmTypeKind.PRIMITIVE) {
            throw unsupported("literals of type '" + type.getFullQualifiedName() + "'");
        }
        EdmPrimitiveTypeKind kind = EdmPrimitiveTypeKind.valueOfFQN(type.getFullQualifiedName());
        switch (kind) {
            case String:
                if (text.length() < 2 || !text.startsWith("'") || !text.endsWith("'")) {
                    throw unsupported("the literal '" + text + "'");
                }
                return new Value(Value.Kind.STRING, text.substring(1, text.length() - 1).replace("''", "'"));
            case Boolean:
                return Value.bool("true".equalsIgnoreCase(text));
            case SByte:
            case Byte:
            case Int16:
            case Int32:
            case Int64:
            case Decimal:
            case Single:
            case Double:
                try {
                    return new Value(Value.Kind.NUMBER, new BigDecimal(text));
                } catch (NumberFormatException e) {
                    throw unsupported("the number '" + text + "'");
                }
            case DateTimeOffset:
                try {
                    return new Value(Value.Kind.INSTANT, OffsetDateTime.parse(text, DATE_TIME_OFFSET).toInstant());
                } catch (DateTimeParseException e) {
                    throw GraphException.badRequest("Invalid " + option + ": '" + text
                            + "' is not a valid Edm.DateTimeOffset.");
                }
            default:
                throw unsupported("literals of type '" + type.getFullQualifiedName() + "'");
        }
    }

    @Override
    public Value visitMember(Member member) {
        List<UriResource> parts = member.getResourcePath().getUriResourceParts();
        if (parts.size() != 1 || !(parts.get(0) instanceof UriResourcePrimitiveProperty)) {
            throw unsupported("the path '" + path(parts) + "'");
        }
        String name = ((UriResourcePrimitiveProperty) parts.get(0)).getProperty().getName();
        AttachmentProperty property = AttachmentProperty.named(name)
                .orElseThrow(() -> unsupported("the property '" + name + "'"));
        if (!property.readable()) {
            throw GraphException.badRequest("Invalid " + option + ": the property '" + name
                    + "' cannot be used in " + option + ".");
        }
        AttachmentType cast = AttachmentType.ATTACHMENT;
        if (member.getStartTypeFilter() != null) {
            cast = AttachmentType.byQualifiedName(member.getStartTypeFilter().getFullQualifiedName()
                    .getFullQualifiedNameAsString()).orElseThrow(() -> unsupported("the type cast"));
        }
        Object raw = AttachmentType.of(record).isA(cast) ? property.read(record) : null;
        return value(property, raw);
    }

    private static Value value(AttachmentProperty property, Object raw) {
        switch (property.edmType()) {
            case String:
                return new Value(Value.Kind.STRING, raw);
            case Int32:
                return new Value(Value.Kind.NUMBER, raw == null ? null : BigDecimal.valueOf((Integer) raw));
            case Boolean:
                return new Value(Value.Kind.BOOLEAN, raw);
            case DateTimeOffset:
                return new Value(Value.Kind.INSTANT, raw == null ? null : instant(property, (String) raw));
            default:
                throw new IllegalStateException("No value kind for " + property.edmType());
        }
    }

    private static Instant instant(AttachmentProperty property, String raw) {
        try {
            return OffsetDateTime.parse(raw, DATE_TIME_OFFSET).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("Stored " + property.propertyName() + " is not a DateTimeOffset: " + raw,
                    e);
        }
    }

    @Override
    public Value visitAlias(String aliasName) {
        throw unsupported("the parameter alias '" + aliasName + "'");
    }

    @Override
    public Value visitTypeLiteral(EdmType type) {
        throw unsupported("the type literal '" + type.getFullQualifiedName() + "'");
    }

    @Override
    public Value visitLambdaExpression(String lambdaFunction, String lambdaVariable, Expression expression) {
        throw unsupported("the lambda operator '" + lambdaFunction + "'");
    }

    @Override
    public Value visitLambdaReference(String variableName) {
        throw unsupported("the lambda variable '" + variableName + "'");
    }

    @Override
    public Value visitEnum(EdmEnumType type, List<String> enumValues) {
        throw unsupported("enumeration literals");
    }

    @Override
    public Value visitComputeAggregate(AggregateExpression aggregateExpr) {
        throw unsupported("aggregation");
    }

    private static Boolean and(Boolean left, Boolean right) {
        if (Boolean.FALSE.equals(left) || Boolean.FALSE.equals(right)) {
            return Boolean.FALSE;
        }
        return left == null || right == null ? null : Boolean.TRUE;
    }

    private static Boolean or(Boolean left, Boolean right) {
        if (Boolean.TRUE.equals(left) || Boolean.TRUE.equals(right)) {
            return Boolean.TRUE;
        }
        return left == null || right == null ? null : Boolean.FALSE;
    }

    private boolean equal(Object operator, Value left, Value right) {
        comparable(operator, left, right);
        if (left.isNull() || right.isNull()) {
            return left.isNull() && right.isNull();
        }
        return left.compareTo(right) == 0;
    }

    /** The sign of left compared with right, for {@code gt ge lt le}. */
    private int relation(BinaryOperatorKind operator, Value left, Value right) {
        comparable(operator, left, right);
        if (left.isNull() || right.isNull()) {
            // gt/ge/lt/le with a null operand are false: choose a sign that makes the caller's test fail.
            return operator == BinaryOperatorKind.GT || operator == BinaryOperatorKind.GE ? -1 : 1;
        }
        return left.compareTo(right);
    }

    private void comparable(Object operator, Value left, Value right) {
        if (left.kind() != Value.Kind.NULL && right.kind() != Value.Kind.NULL && left.kind() != right.kind()) {
            throw GraphException.badRequest("Invalid " + option + ": cannot compare " + left.kind().display()
                    + " with " + right.kind().display() + " using '" + operator + "'.");
        }
    }

    private Boolean operand(Object operator, Value value) {
        if (value.kind() != Value.Kind.BOOLEAN && value.kind() != Value.Kind.NULL) {
            throw GraphException.badRequest("Invalid " + option + ": the operands of '" + operator
                    + "' must be Edm.Boolean, not " + value.kind().display() + ".");
        }
        return (Boolean) value.value();
    }

    private String string(MethodKind method, List<Value> parameters, int index) {
        if (parameters.size() <= index) {
            throw GraphException.badRequest("Invalid " + option + ": '" + method + "' needs more arguments.");
        }
        Value value = parameters.get(index);
        if (value.kind() != Value.Kind.STRING && value.kind() != Value.Kind.NULL) {
            throw GraphException.badRequest("Invalid " + option + ": the arguments of '" + method
                    + "' must be Edm.String, not " + value.kind().display() + ".");
        }
        return (String) value.value();
    }

    private GraphException unsupported(String what) {
        return GraphException.badRequest("Invalid " + option + ": " + what + " is not supported.");
    }

    private static String path(List<UriResource> parts) {
        StringBuilder path = new StringBuilder();
        for (UriResource part : parts) {
            if (path.length() > 0) {
                path.append('/');
            }
            path.append(part.getSegmentValue());
        }
        return path.toString();
    }
}
