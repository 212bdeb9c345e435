package dev.attache.ingest.query;

import static dev.attache.ingest.query.Fixtures.ALL;
import static dev.attache.ingest.query.Fixtures.badRequest;
import static dev.attache.ingest.query.Fixtures.file;
import static dev.attache.ingest.query.Fixtures.ids;
import static dev.attache.ingest.query.Fixtures.orderBy;
import static dev.attache.ingest.query.Fixtures.params;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.attache.schemas.attachment.AttachmentRecord;

class OrderByTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // nulls first ascending, last descending; strings ordinal (upper case before lower case)
            "name|E D C B A",
            "name asc|E D C B A",
            "name desc|A B C D E",
            "size|E A D C B",
            "size desc|B C D A E",
            "lastModifiedDateTime|E C A B D",
            "lastModifiedDateTime desc|D B A C E",
            "contentType|C D B A E",
            "contentType desc|A E B C D",
            "isInline|A C D E B",
            "isInline desc|B A C D E",
            "id desc|E D C B A",
            "tolower(name)|E D C A B",
            // multi-key: ties on the first key ordered by the next
            "contentType,size|D C B E A",
            "contentType,size desc|C D B A E",
            "contentType desc,size desc|A E B C D",
            "isInline,lastModifiedDateTime desc|D A C E B",
            // a derived property through its cast: null for the other types
            "microsoft.graph.fileAttachment/contentId desc|B A C D E",
            "microsoft.graph.referenceAttachment/sourceUrl desc,id|D A B C E",
    })
    void orders(String expression, String expected) {
        assertThat(orderBy(expression, ALL)).as(expression).isEqualTo(Arrays.asList(expected.split(" ")));
    }

    @Test
    void isStableTiesKeepTheInputOrder() {
        List<AttachmentRecord> records = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            records.add(file(String.format("%03d", i), "n" + (i % 3), "text/plain", i % 5, false, null, null));
        }
        Collections.shuffle(records, new Random(42));
        List<String> input = ids(records);

        List<String> byName = orderBy("name", records);
        for (int i = 1; i < byName.size(); i++) {
            AttachmentRecord previous = byId(records, byName.get(i - 1));
            AttachmentRecord current = byId(records, byName.get(i));
            assertThat(previous.name().compareTo(current.name())).isLessThanOrEqualTo(0);
            if (previous.name().equals(current.name())) {
                assertThat(input.indexOf(previous.attachmentId())).isLessThan(input.indexOf(current.attachmentId()));
            }
        }
        // descending reverses the keys, not the ties
        List<String> byNameDesc = orderBy("name desc", records);
        assertThat(byNameDesc.subList(0, byNameDesc.size() / 3 - 1)).allSatisfy(
                id -> assertThat(byId(records, id).name()).isEqualTo("n2"));
        List<String> ties = byNameDesc.stream().filter(id -> byId(records, id).name().equals("n2")).toList();
        assertThat(ties).isSortedAccordingTo((a, b) -> Integer.compare(input.indexOf(a), input.indexOf(b)));
    }

    @Test
    void nullsComeFirstAscendingAndLastDescendingWithinOtherKeys() {
        List<AttachmentRecord> records = List.of(
                file("1", "b", null, 1, false, null, null),
                file("2", null, null, 1, false, null, null),
                file("3", "a", null, 2, false, null, null),
                file("4", null, null, 2, false, null, null),
                file("5", "a", null, 1, false, null, null));
        assertThat(orderBy("size,name", records)).containsExactly("2", "5", "1", "4", "3");
        assertThat(orderBy("size,name desc", records)).containsExactly("1", "5", "2", "3", "4");
        assertThat(orderBy("size desc,name", records)).containsExactly("4", "3", "2", "5", "1");
    }

    @Test
    void numbersOrderByValueAndInstantsAcrossOffsets() {
        List<AttachmentRecord> records = List.of(
                file("late", "x", null, 10, false, "2020-01-01T10:00:00+02:00", null),
                file("early", "x", null, 9, false, "2020-01-01T09:00:00Z", null),
                file("mid", "x", null, 100, false, "2020-01-01T08:30:00Z", null));
        assertThat(orderBy("size", records)).containsExactly("early", "late", "mid");
        // 10:00+02:00 is 08:00Z
        assertThat(orderBy("lastModifiedDateTime", records)).containsExactly("late", "mid", "early");
    }

    @Test
    void ordersBeforePagingAndAfterFiltering() {
        QueryResult result = AttachmentQueryOptions.parse(params("$orderby", "size desc", "$filter", "size lt 3000",
                "$top", "2", "$skip", "1", "$count", "true")).apply(ALL);
        assertThat(ids(result)).containsExactly("D", "A");
        assertThat(result.count()).isEqualTo(4);
        assertThat(result.nextSkip()).hasValue(3);
    }

    @Test
    void doesNotChangeTheInput() {
        List<AttachmentRecord> input = new ArrayList<>(ALL);
        AttachmentQueryOptions.parse(params("$orderby", "name")).apply(input);
        assertThat(input).isEqualTo(ALL);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "contentId|Could not find a property named 'contentId' on type 'microsoft.graph.attachment'",
            "Name|Could not find a property named 'Name' on type 'microsoft.graph.attachment'",
            "nosuch|Could not find a property named 'nosuch'",
            "name ASC|Invalid $orderby",
            "name ascending|Invalid $orderby",
            "name asc, size desc|Invalid $orderby",
            "name,|Invalid $orderby",
            ",name|Invalid $orderby",
            "name desc desc|Invalid $orderby",
            "microsoft.graph.fileAttachment/contentBytes|'contentBytes' cannot be used in $orderby",
            "size add 1|the operator 'add' is not supported",
            "length(name)|the function 'length' is not supported",
            "@p|Invalid $orderby",
    })
    void rejectsWithA400NamingTheOption(String expression, String message) {
        badRequest(() -> orderBy(expression, ALL)).hasMessageContaining("$orderby").hasMessageContaining(message);
    }

    @Test
    void rejectsAnEmptyOrderBy() {
        badRequest(() -> orderBy("", ALL)).hasMessage("Invalid $orderby: the value is empty.");
    }

    private static AttachmentRecord byId(List<AttachmentRecord> records, String id) {
        return records.stream().filter(r -> r.attachmentId().equals(id)).findFirst().orElseThrow();
    }
}
