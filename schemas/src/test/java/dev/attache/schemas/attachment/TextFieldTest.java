package dev.attache.schemas.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TextFieldTest {

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\nb", "tab\there", "del\u007f", "c1\u0085", "bell\u0007", "esc\u001b[31m"})
    void controlCharactersAreRefusedInNames(String name) {
        assertThat(TextField.NAME.defect("name", name)).get().asString().contains("control character U+");
    }

    @Test
    void unpairedSurrogatesAreNotText() {
        assertThat(TextField.NAME.defect("name", "a\uD800b")).get().asString().contains("unpaired surrogate");
        assertThat(TextField.NAME.defect("name", "a\uDC00")).isPresent();
        assertThat(TextField.NAME.defect("name", "end\uD83D")).isPresent();
        assertThat(TextField.NAME.defect("name", "emoji \uD83D\uDE00.png")).isEmpty();
    }

    @Test
    void bidiControlsAreRefusedInNamesOnly() {
        assertThat(TextField.NAME.defect("name", "evil\u202Efdp.exe")).get().asString().contains("U+202E");
        assertThat(TextField.SHORT.defect("contentId", "x\u202Ey")).isEmpty();
    }

    @Test
    void lengthIsCountedInCodePoints() {
        String emoji = "\uD83D\uDE00";
        assertThat(TextField.NAME.defect("name", emoji.repeat(255))).isEmpty();
        assertThat(TextField.NAME.defect("name", emoji.repeat(256))).get().asString()
                .isEqualTo("The property 'name' must be at most 255 characters; it has 256.");
        assertThat(TextField.URL.defect("sourceUrl", "https://x/" + "a".repeat(2038))).isEmpty();
        assertThat(TextField.URL.defect("sourceUrl", "https://x/" + "a".repeat(2039))).isPresent();
    }

    @Test
    void aBodyMayHaveLinesButNoOtherControls() {
        assertThat(TextField.BODY.defect("body", "line one\r\nline two\tend")).isEmpty();
        assertThat(TextField.BODY.defect("body", "nul\u0000")).isPresent();
        assertThat(TextField.NAME.defect("name", null)).isEmpty();
    }
}
