package dev.attache.ingest.representation;

/** Which properties of an attachment to write ({@code $select}); {@code @odata.type} and {@code id} always are. */
@FunctionalInterface
public interface Selection {

    Selection ALL = property -> true;

    /** Whether {@code property} (its simple name, e.g. {@code contentId}) is to be written. */
    boolean includes(String property);
}
