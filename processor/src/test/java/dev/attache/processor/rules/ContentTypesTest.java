package dev.attache.processor.rules;

import static dev.attache.processor.Commands.JPEG;
import static dev.attache.processor.Commands.MENU;
import static dev.attache.processor.Commands.PNG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentTypesTest {

    static final byte[] ZIP = {'P', 'K', 0x03, 0x04, 0x14, 0x00, 0x06, 0x00};
    static final byte[] PDF = "%PDF-1.7\n%\u00e2\u00e3\n".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] BINARY = {0x00, 0x01, 0x02, 0x03, (byte) 0xFE, (byte) 0xFF, 0x00, 0x7F};
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    static String detected(byte[] head, String name) {
        return ContentTypes.detect(head, name).toString();
    }

    @Test
    void graphsOwnExamplesAreInferred() {
        assertThat(ContentTypes.resolve(null, MENU, "menu.txt")).isEqualTo("text/plain");
        assertThat(ContentTypes.resolve(null, JPEG, "flower")).isEqualTo("image/jpeg");
    }

    @Test
    void magicBytesWinOverAMisleadingName() {
        assertThat(detected(PNG, "photo.jpg")).isEqualTo("image/png");
        assertThat(detected(JPEG, "notes.txt")).isEqualTo("image/jpeg");
    }

    @Test
    void theNameRefinesGenericContent() {
        assertThat(detected("a,b\n1,2\n".getBytes(StandardCharsets.US_ASCII), "table.csv")).isEqualTo("text/csv");
        assertThat(detected(ZIP, "report.docx")).isEqualTo(DOCX);
        assertThat(detected(ZIP, "report")).isEqualTo("application/zip");
        assertThat(detected(PDF, "scan")).isEqualTo("application/pdf");
    }

    @Test
    void withoutContentTheNameDecidesAndWithoutEitherItIsOctetStream() {
        assertThat(detected(new byte[0], "empty.txt")).isEqualTo("text/plain");
        assertThat(detected(new byte[0], "minutes.pdf")).isEqualTo("application/pdf");
        assertThat(detected(BINARY, "blob")).isEqualTo("application/octet-stream");
        assertThat(detected("plain words".getBytes(StandardCharsets.US_ASCII), "notes")).isEqualTo("text/plain");
    }

    @ParameterizedTest(name = "{0} declared for {1} content")
    @CsvSource({
        "image/jpeg, jpeg",
        "IMAGE/JPEG, jpeg",
        "image/jpg, jpeg",
        "application/octet-stream, jpeg",
        "text/plain; charset=utf-8, menu",
        "application/json, menu",
        "image/png, menu",
        "image/png, binary",
        DOCX + ", zip",
        "application/zip, docx",
        "application/x-tika-ooxml, docx",
        "text/csv, csv",
    })
    void compatibleDeclarationsAreKeptAsSent(String declared, String content) {
        Sample sample = Sample.of(content);

        assertThat(ContentTypes.resolve(declared, sample.head(), sample.name())).isEqualTo(declared);
    }

    @ParameterizedTest(name = "{0} declared for {1} content detected as {2}")
    @CsvSource({
        "image/png, jpeg, image/jpeg",
        "text/plain, jpeg, image/jpeg",
        "application/pdf, png, image/png",
        "image/jpeg, zip, application/zip",
        "text/csv, docx, " + DOCX,
    })
    void contradictingDeclarationsAreRefusedNamingBoth(String declared, String content, String detected) {
        Sample sample = Sample.of(content);

        assertThatThrownBy(() -> ContentTypes.resolve(declared, sample.head(), sample.name()))
                .isInstanceOf(InvalidAttachment.class)
                .hasMessage("The contentType '" + declared + "' does not match the content, which was detected as '"
                        + detected + "'.");
    }

    @ParameterizedTest
    @CsvSource({"plain text", "image/", "/jpeg", "image jpeg"})
    void declarationsThatAreNoMediaTypeAreRefused(String declared) {
        assertThatThrownBy(() -> ContentTypes.resolve(declared, MENU, "menu.txt"))
                .isInstanceOf(InvalidAttachment.class)
                .hasMessage("The contentType '" + declared + "' is not a valid media type.");
    }

    /** Content of a kind, with the name a client would give it. */
    record Sample(byte[] head, String name) {

        static Sample of(String kind) {
            return switch (kind) {
                case "jpeg" -> new Sample(JPEG, "flower");
                case "png" -> new Sample(PNG, "logo");
                case "menu" -> new Sample(MENU, "menu.txt");
                case "binary" -> new Sample(BINARY, "blob");
                case "zip" -> new Sample(ZIP, "archive");
                case "docx" -> new Sample(ZIP, "report.docx");
                case "csv" -> new Sample("a,b\n1,2\n".getBytes(StandardCharsets.US_ASCII), "table.csv");
                default -> throw new IllegalArgumentException(kind);
            };
        }
    }
}
