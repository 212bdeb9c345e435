package dev.attache.ingest.query;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

import dev.attache.schemas.attachment.AttachmentRecord;

/**
 * One page of an attachment list.
 *
 * @param value the records of the page, in order
 * @param count how many records matched {@code $filter}, before {@code $skip}/{@code $top}: the
 *     {@code @odata.count} to write when {@link AttachmentQueryOptions#count()} asks for it
 * @param nextSkip the {@code $skip} of the next page when this one was cut; build {@code @odata.nextLink} from
 *     {@link AttachmentQueryOptions#nextLinkQuery(int)}
 */
public record QueryResult(List<AttachmentRecord> value, int count, OptionalInt nextSkip) {

    public QueryResult {
        value = List.copyOf(value);
        Objects.requireNonNull(nextSkip, "nextSkip");
    }

    public boolean hasNextPage() {
        return nextSkip.isPresent();
    }
}
