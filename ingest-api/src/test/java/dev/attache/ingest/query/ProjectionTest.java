package dev.attache.ingest.query;

import static dev.attache.ingest.query.Fixtures.FILE;
import static dev.attache.ingest.query.Fixtures.ITEM;
import static dev.attache.ingest.query.Fixtures.REFERENCE;
import static dev.attache.ingest.query.Fixtures.badRequest;
import static dev.attache.ingest.query.Fixtures.params;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code $select} and {@code $expand}, for lists and single attachments alike. */
class ProjectionTest {

    private static Projection list(String... nameValues) {
        return AttachmentQueryOptions.parse(params(nameValues)).projection();
    }

    private static Projection entity(String... nameValues) {
        return AttachmentEntityOptions.parse(params(nameValues)).projection();
    }

    private static Projection select(String value) {
        return list("$select", value);
    }

    @Test
    void withoutSelectEverythingIsWritten() {
        for (Projection projection : new Projection[] {list(), entity(), select("*"), select("name,*")}) {
            assertThat(projection.selectsAll()).isTrue();
            assertThat(projection.selects("contentBytes")).isTrue();
            assertThat(projection.selects(FILE, "contentBytes")).isTrue();
            assertThat(projection.selects("name")).isTrue();
            assertThat(projection.expandItem()).isFalse();
            assertThat(projection.selectedProperties()).contains("id", "name", "contentBytes", "contentId",
                    "sourceUrl");
        }
    }

    @Test
    void baseProperties() {
        Projection projection = select("id,name,contentType,size,isInline,lastModifiedDateTime");
        assertThat(projection.selectsAll()).isFalse();
        assertThat(projection.selectedProperties()).containsExactly("id", "name", "contentType", "size", "isInline",
                "lastModifiedDateTime");
        for (String type : new String[] {FILE, ITEM, REFERENCE}) {
            assertThat(projection.selects(type, "size")).isTrue();
            assertThat(projection.selects(type, "contentBytes")).isFalse();
        }
        assertThat(projection.selects("contentBytes")).isFalse();
        assertThat(projection.selects("contentId")).isFalse();
    }

    @Test
    void idAndTypeAreAlwaysWritten() {
        Projection projection = select("name");
        assertThat(projection.selects("id")).isTrue();
        assertThat(projection.selects("@odata.type")).isTrue();
        assertThat(projection.selects(ITEM, "id")).isTrue();
        assertThat(projection.selects(ITEM, "@odata.type")).isTrue();
        assertThat(projection.selects("size")).isFalse();
        assertThat(projection.selectedProperties()).containsExactly("id", "name");
    }

    @Test
    void namesMatchIgnoringCaseAndSpacesAroundCommasAreAllowed() {
        Projection projection = select("NAME, Size ,microsoft.graph.FILEATTACHMENT/CONTENTID");
        assertThat(projection.selectedProperties()).containsExactly("id", "name", "size", "contentId");
        // canonical names are asked for
        assertThat(projection.selects("Name")).isFalse();
        assertThat(projection.selects("nosuch")).isFalse();
        assertThat(projection.selects(FILE, "nosuch")).isFalse();
    }

    @Test
    void castFormsSelectTheDerivedTypesOwnProperties() {
        Projection projection = select("id,microsoft.graph.fileAttachment/contentId,"
                + "microsoft.graph.fileAttachment/contentBytes,microsoft.graph.referenceAttachment/sourceUrl");
        assertThat(projection.selects("contentId")).isTrue();
        assertThat(projection.selects("contentBytes")).isTrue();
        assertThat(projection.selects("sourceUrl")).isTrue();
        assertThat(projection.selects("name")).isFalse();
        assertThat(projection.selects(FILE, "contentId")).isTrue();
        assertThat(projection.selects(FILE, "contentBytes")).isTrue();
        assertThat(projection.selects(REFERENCE, "sourceUrl")).isTrue();
        assertThat(projection.selects(REFERENCE, "contentBytes")).isFalse();
        assertThat(projection.selects(ITEM, "contentId")).isFalse();
        assertThat(projection.selects("microsoft.graph.fileAttachment", "contentId")).isTrue();
        assertThat(projection.selectedProperties()).containsExactly("id", "contentId", "contentBytes", "sourceUrl");
    }

    @ParameterizedTest
    @ValueSource(strings = {"providerType", "permission", "isFolder", "thumbnailUrl", "previewUrl", "sourceUrl"})
    void everyReferenceProperty(String property) {
        Projection projection = select("microsoft.graph.referenceAttachment/" + property);
        assertThat(projection.selects(REFERENCE, property)).isTrue();
        assertThat(projection.selects(FILE, property)).isFalse();
    }

    @Test
    void aCastBasePropertyAppliesToThatTypeOnly() {
        Projection projection = select("microsoft.graph.fileAttachment/name,microsoft.graph.attachment/size");
        assertThat(projection.selects(FILE, "name")).isTrue();
        assertThat(projection.selects(ITEM, "name")).isFalse();
        assertThat(projection.selects(ITEM, "size")).isTrue();
        assertThat(projection.selects(FILE, "size")).isTrue();
        assertThat(projection.selects("name")).isTrue();
    }

    @Test
    void aCastStarSelectsEverythingOfThatType() {
        Projection projection = select("microsoft.graph.fileAttachment/*");
        assertThat(projection.selectsAll()).isFalse();
        assertThat(projection.selects(FILE, "contentBytes")).isTrue();
        assertThat(projection.selects(FILE, "name")).isTrue();
        assertThat(projection.selects(ITEM, "name")).isFalse();
        assertThat(projection.selects(REFERENCE, "sourceUrl")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"contentId", "contentBytes", "contentLocation", "sourceUrl", "isFolder"})
    void aDerivedPropertyWithoutItsCastIsGraphsError(String property) {
        badRequest(() -> select("id," + property)).hasMessage("Could not find a property named '" + property
                + "' on type 'microsoft.graph.attachment'.");
        badRequest(() -> entity("$select", property)).hasMessage("Could not find a property named '" + property
                + "' on type 'microsoft.graph.attachment'.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "nosuch|Could not find a property named 'nosuch' on type 'microsoft.graph.attachment'.",
            "item|Could not find a property named 'item' on type 'microsoft.graph.attachment'.",
            "microsoft.graph.fileAttachment/sourceUrl|Could not find a property named 'sourceUrl' on type "
                    + "'microsoft.graph.fileAttachment'.",
            "microsoft.graph.itemAttachment/contentId|Could not find a property named 'contentId' on type "
                    + "'microsoft.graph.itemAttachment'.",
            "microsoft.graph.fileAttachment/|Could not find a property named '' on type "
                    + "'microsoft.graph.fileAttachment'.",
            "microsoft.graph.fileAttachment/contentId/x|Could not find a property named 'contentId/x' on type "
                    + "'microsoft.graph.fileAttachment'.",
            "microsoft.graph.event/subject|Invalid $select: 'microsoft.graph.event' is not a type derived from "
                    + "'microsoft.graph.attachment'.",
            "fileAttachment/contentId|Invalid $select: 'fileAttachment' is not a type derived from "
                    + "'microsoft.graph.attachment'.",
            "microsoft.graph.itemAttachment/item|Invalid $select: 'item' is a navigation property; use "
                    + "$expand=microsoft.graph.itemAttachment/item.",
            "name($select=id)|Could not find a property named 'name($select=id)' on type "
                    + "'microsoft.graph.attachment'.",
            "id,,name|Invalid $select: an empty item in 'id,,name'.",
            "id,|Invalid $select: an empty item in 'id,'.",
            ",id|Invalid $select: an empty item in ',id'.",
            "\"\"|Invalid $select: the value is empty.",
            "\" \"|Invalid $select: the value is empty.",
    })
    void rejectsABadSelect(String value, String message) {
        badRequest(() -> select(value)).hasMessage(message);
        badRequest(() -> entity("$select", value)).hasMessage(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"microsoft.graph.itemAttachment/item", "microsoft.graph.itemattachment/item",
            "MICROSOFT.GRAPH.ITEMATTACHMENT/ITEM", " microsoft.graph.itemattachment/item "})
    void expandsTheItemIgnoringCase(String value) {
        assertThat(list("$expand", value).expandItem()).isTrue();
        assertThat(entity("$expand", value).expandItem()).isTrue();
        assertThat(AttachmentEntityOptions.parse(params("$expand", value)).expandItem()).isTrue();
        assertThat(AttachmentQueryOptions.parse(params("$expand", value)).expandItem()).isTrue();
    }

    @Test
    void expandAndSelectTogether() {
        AttachmentEntityOptions options = AttachmentEntityOptions.parse(params("$select", "id,name",
                "$expand", "microsoft.graph.itemattachment/item"));
        assertThat(options.expandItem()).isTrue();
        assertThat(options.selects("name")).isTrue();
        assertThat(options.selects(ITEM, "size")).isFalse();
        assertThat(options.selects("size")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "item|Could not find a property named 'item' on type 'microsoft.graph.attachment'.",
            "Item|Could not find a property named 'Item' on type 'microsoft.graph.attachment'.",
            "attachments|Invalid $expand: 'attachments'; only microsoft.graph.itemAttachment/item can be expanded",
            "microsoft.graph.itemAttachment/item($select=id)|Invalid $expand",
            "microsoft.graph.itemAttachment/item,microsoft.graph.itemAttachment/item|Invalid $expand",
            "microsoft.graph.fileAttachment/item|Invalid $expand",
            "*|Invalid $expand",
            "\"\"|Invalid $expand",
    })
    void rejectsAnyOtherExpand(String value, String message) {
        badRequest(() -> list("$expand", value)).hasMessageContaining(message);
        badRequest(() -> entity("$expand", value)).hasMessageContaining(message);
    }
}
