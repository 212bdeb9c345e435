package dev.attache.processor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Declarations judged against what the front detected (detection itself is ingest-api's, and tested there). */
class ContentTypesTest {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Test
    void withoutADeclarationTheDetectedTypeIsRecorded() {
        assertThat(ContentTypes.resolve(null, "text/plain")).isEqualTo("text/plain");
        assertThat(ContentTypes.resolve(null, "image/jpeg")).isEqualTo("image/jpeg");
    }

    @Test
    void withoutADetectionTheContentIsOctetStream() {
        assertThat(ContentTypes.resolve(null, null)).isEqualTo("application/octet-stream");
        assertThat(ContentTypes.resolve("image/png", null)).isEqualTo("image/png");
    }

    @ParameterizedTest(name = "{0} declared for content detected as {1}")
    @CsvSource({
        "image/jpeg, image/jpeg",
        "IMAGE/JPEG, image/jpeg",
        "image/jpg, image/jpeg",
        "application/octet-stream, image/jpeg",
        "text/plain; charset=utf-8, text/plain",
        "application/json, text/plain",
        "image/png, text/plain",
        "image/png, application/octet-stream",
        DOCX + ", application/zip",
        "application/zip, " + DOCX,
        "application/x-tika-ooxml, " + DOCX,
        "text/csv, text/csv",
    })
    void compatibleDeclarationsAreKeptAsSent(String declared, String detected) {
        assertThat(ContentTypes.resolve(declared, detected)).isEqualTo(declared);
    }

    @ParameterizedTest(name = "{0} declared for content detected as {1}")
    @CsvSource({
        "image/png, image/jpeg",
        "text/plain, image/jpeg",
        "application/pdf, image/png",
        "image/jpeg, application/zip",
        "text/csv, " + DOCX,
    })
    void contradictingDeclarationsAreRefusedNamingBoth(String declared, String detected) {
        assertThatThrownBy(() -> ContentTypes.resolve(declared, detected))
                .isInstanceOf(InvalidAttachment.class)
                .hasMessage("The contentType '" + declared + "' does not match the content, which was detected as '"
                        + detected + "'.");
    }

    @ParameterizedTest
    @CsvSource({"plain text", "image/", "/jpeg", "image jpeg"})
    void declarationsThatAreNoMediaTypeAreRefused(String declared) {
        assertThatThrownBy(() -> ContentTypes.resolve(declared, "text/plain"))
                .isInstanceOf(InvalidAttachment.class)
                .hasMessage("The contentType '" + declared + "' is not a valid media type.");
    }
}
