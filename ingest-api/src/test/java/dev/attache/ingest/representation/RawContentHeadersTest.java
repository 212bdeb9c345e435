package dev.attache.ingest.representation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RawContentHeadersTest {

    @ParameterizedTest
    @ValueSource(strings = {"text/html", "image/svg+xml", "application/xhtml+xml", "text/xml", "application/javascript",
            "text/calendar", "message/rfc822", "application/octet-stream", "TEXT/HTML; charset=utf-8", "multipart/mixed"})
    void activeOrUnknownTypesAreDownloadsInASandbox(String type) {
        Map<String, String> headers = RawContentHeaders.of(type, "page.html");

        assertThat(headers).containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("Content-Security-Policy", "sandbox")
                .containsEntry("Content-Disposition", "attachment; filename=\"page.html\"; filename*=UTF-8''page.html");
    }

    @ParameterizedTest
    @ValueSource(strings = {"image/png", "image/jpeg", "application/pdf", "text/plain; charset=utf-8", "Image/GIF",
            "audio/mpeg", "video/mp4"})
    void passiveTypesAreShownInlineButNeverSniffed(String type) {
        Map<String, String> headers = RawContentHeaders.of(type, "a.bin");

        assertThat(headers).containsEntry("X-Content-Type-Options", "nosniff")
                .doesNotContainKey("Content-Security-Policy");
        assertThat(headers.get("Content-Disposition")).startsWith("inline;");
    }

    @Test
    void aNameCannotBreakOutOfTheHeader() {
        String disposition = RawContentHeaders.of("text/html", "résumé \"final\"; x=\\y.html").get("Content-Disposition");

        assertThat(disposition).isEqualTo("attachment; filename=\"r_sum_ _final_; x=_y.html\"; "
                + "filename*=UTF-8''r%C3%A9sum%C3%A9%20%22final%22%3B%20x%3D%5Cy.html");
        assertThat(RawContentHeaders.of(null, null)).containsEntry("Content-Disposition", "attachment")
                .containsEntry("Content-Security-Policy", "sandbox");
    }
}
