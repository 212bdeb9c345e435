package dev.attache.ingest.query;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.AbstractThrowableAssert;

import dev.attache.ingest.error.GraphException;
import dev.attache.schemas.attachment.AttachmentRecord;
import dev.attache.schemas.attachment.ReferenceFields;

/** Records and parameter maps for the query tests. */
final class Fixtures {

    static final String FILE = "#microsoft.graph.fileAttachment";
    static final String ITEM = "#microsoft.graph.itemAttachment";
    static final String REFERENCE = "#microsoft.graph.referenceAttachment";

    /** Five attachments, one of each shape, with nulls where the model allows them. */
    static final List<AttachmentRecord> ALL = List.of(
            // A: the docs' menu.txt
            file("A", "menu.txt", "text/plain", 178, false, "2017-04-15T03:21:49Z", null),
            // B: an inline image
            file("B", "Photo.JPG", "image/jpeg", 5000, true, "2018-01-01T00:00:00Z", "img1"),
            // C: an item attachment (contentType null by default)
            item("C", "Holiday event", 2473, "2016-12-01T22:27:13Z"),
            // D: a beta reference attachment
            reference("D", "Budget.xlsx", 382, "2019-06-30T12:00:00Z",
                    new ReferenceFields("https://contoso/budget", "oneDriveBusiness", "edit", false, null, null)),
            // E: nulls in every nullable base property
            file("E", null, "text/plain", 20, false, null, null));

    private Fixtures() {
    }

    static AttachmentRecord file(String id, String name, String contentType, int size, boolean inline,
            String modified, String contentId) {
        return new AttachmentRecord(AttachmentRecord.SCHEMA_VERSION, "t", "E1", id, null, FILE, name, contentType,
                size, inline, modified, contentId, null, null, null);
    }

    static AttachmentRecord item(String id, String name, int size, String modified) {
        return new AttachmentRecord(AttachmentRecord.SCHEMA_VERSION, "t", "E1", id, null, ITEM, name, null, size,
                false, modified, null, "#microsoft.graph.event", null, null);
    }

    static AttachmentRecord reference(String id, String name, int size, String modified, ReferenceFields fields) {
        return new AttachmentRecord(AttachmentRecord.SCHEMA_VERSION, "t", "E1", id, null, REFERENCE, name, null, size,
                false, modified, null, null, fields, null);
    }

    /** Name/value pairs, as the HTTP layer decodes them; a repeated name gets several values. */
    static Map<String, List<String>> params(String... nameValues) {
        if (nameValues.length % 2 != 0) {
            throw new IllegalArgumentException(Arrays.toString(nameValues));
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            params.computeIfAbsent(nameValues[i], n -> new ArrayList<>()).add(nameValues[i + 1]);
        }
        return params;
    }

    static List<String> ids(List<AttachmentRecord> records) {
        return records.stream().map(AttachmentRecord::attachmentId).toList();
    }

    static List<String> ids(QueryResult result) {
        return ids(result.value());
    }

    /** The ids of {@link #ALL} that {@code $filter} keeps, all on one page. */
    static List<String> filter(String expression) {
        return ids(AttachmentQueryOptions.parse(params("$filter", expression)).apply(ALL));
    }

    static List<String> orderBy(String expression, List<AttachmentRecord> records) {
        return ids(AttachmentQueryOptions.parse(params("$orderby", expression)).apply(records));
    }

    /** Asserts a 400 BadRequest and returns the assertion on it for the message. */
    static AbstractThrowableAssert<?, ? extends Throwable> badRequest(Runnable call) {
        return assertThatThrownBy(call::run)
                .isInstanceOf(GraphException.class)
                .satisfies(e -> {
                    GraphException graph = (GraphException) e;
                    org.assertj.core.api.Assertions.assertThat(graph.status()).isEqualTo(400);
                    org.assertj.core.api.Assertions.assertThat(graph.code()).isEqualTo("BadRequest");
                });
    }
}
