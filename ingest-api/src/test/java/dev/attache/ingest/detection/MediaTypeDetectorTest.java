package dev.attache.ingest.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class MediaTypeDetectorTest {

    static final byte[] MENU = "mac and cheese today".getBytes(StandardCharsets.US_ASCII);
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F',
        0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00};
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 'I', 'H',
        'D', 'R'};
    static final byte[] ZIP = {'P', 'K', 0x03, 0x04, 0x14, 0x00, 0x06, 0x00};
    static final byte[] PDF = "%PDF-1.7\n%\u00e2\u00e3\n".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] BINARY = {0x00, 0x01, 0x02, 0x03, (byte) 0xFE, (byte) 0xFF, 0x00, 0x7F};
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Test
    void graphsOwnExamplesAreDetected() {
        assertThat(MediaTypeDetector.detect(MENU, "menu.txt")).isEqualTo("text/plain");
        assertThat(MediaTypeDetector.detect(JPEG, "flower")).isEqualTo("image/jpeg");
    }

    @Test
    void magicBytesWinOverAMisleadingName() {
        assertThat(MediaTypeDetector.detect(PNG, "photo.jpg")).isEqualTo("image/png");
        assertThat(MediaTypeDetector.detect(JPEG, "notes.txt")).isEqualTo("image/jpeg");
    }

    @Test
    void theNameRefinesGenericContent() {
        assertThat(MediaTypeDetector.detect("a,b\n1,2\n".getBytes(StandardCharsets.US_ASCII), "table.csv"))
                .isEqualTo("text/csv");
        assertThat(MediaTypeDetector.detect(ZIP, "report.docx")).isEqualTo(DOCX);
        assertThat(MediaTypeDetector.detect(ZIP, "report")).isEqualTo("application/zip");
        assertThat(MediaTypeDetector.detect(PDF, "scan")).isEqualTo("application/pdf");
    }

    @Test
    void withoutContentTheNameDecidesAndWithoutEitherItIsOctetStream() {
        assertThat(MediaTypeDetector.detect(new byte[0], "empty.txt")).isEqualTo("text/plain");
        assertThat(MediaTypeDetector.detect(new byte[0], "minutes.pdf")).isEqualTo("application/pdf");
        assertThat(MediaTypeDetector.detect(new byte[0], null)).isEqualTo("application/octet-stream");
        assertThat(MediaTypeDetector.detect(BINARY, "blob")).isEqualTo("application/octet-stream");
        assertThat(MediaTypeDetector.detect("plain words".getBytes(StandardCharsets.US_ASCII), "notes"))
                .isEqualTo("text/plain");
    }
}
