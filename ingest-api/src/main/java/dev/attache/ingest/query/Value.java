package dev.attache.ingest.query;

/**
 * A value while evaluating an expression over one record: its static kind (known from the EDM whatever the data, so
 * type errors do not depend on the records) and the Java value, {@code null} for OData's null.
 *
 * @param kind the static kind
 * @param value a {@link String}, {@link java.math.BigDecimal}, {@link Boolean}, {@link java.time.Instant}, or null
 */
record Value(Kind kind, Object value) {

    enum Kind {
        STRING("Edm.String"),
        NUMBER("a number"),
        BOOLEAN("Edm.Boolean"),
        INSTANT("Edm.DateTimeOffset"),
        /** The untyped {@code null} literal: comparable with every kind. */
        NULL("null");

        private final String display;

        Kind(String display) {
            this.display = display;
        }

        String display() {
            return display;
        }
    }

    static final Value NULL = new Value(Kind.NULL, null);

    static Value bool(Boolean value) {
        return new Value(Kind.BOOLEAN, value);
    }

    boolean isNull() {
        return value == null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    int compareTo(Value other) {
        return ((Comparable) value).compareTo(other.value);
    }
}
