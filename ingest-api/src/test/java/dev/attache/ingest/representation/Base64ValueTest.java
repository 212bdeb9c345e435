package dev.attache.ingest.representation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/** The block encoder against Jackson's {@code writeBinary}: the same JSON text, byte for byte, at every size. */
class Base64ValueTest {

    private final JsonFactory json = new JsonFactory();

    @Test
    void writesWhatJacksonWritesAtEverySizeAroundTheBlocks() throws IOException {
        Random random = new Random(5);
        List<Integer> sizes = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 1000, 3 * 1024 * 1024 - 1024));
        for (int k = 1; k <= 4; k++) {
            for (int delta = -3; delta <= 3; delta++) {
                sizes.add(k * Base64Value.BLOCK_BYTES + delta);
            }
        }
        for (int i = 0; i < 50; i++) {
            sizes.add(random.nextInt(200_000));
        }
        for (int size : sizes) {
            byte[] content = new byte[size];
            random.nextBytes(content);

            assertThat(blocks(content, size)).as("size %d", size).isEqualTo(jackson(content));
        }
    }

    @Test
    void refusesContentShorterThanItsLength() {
        assertThatThrownBy(() -> blocks(new byte[10], 11)).isInstanceOf(EOFException.class);
    }

    @Test
    void needsAGeneratorThatKeepsItsFlushes() throws IOException {
        try (JsonGenerator g = json.createGenerator(new ByteArrayOutputStream())) {
            g.writeStartObject();
            g.writeFieldName("contentBytes");
            assertThatThrownBy(() -> Base64Value.write(g, new ByteArrayInputStream(new byte[1]), 1))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    private String blocks(byte[] content, long length) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = json.createGenerator(out).disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM)) {
            g.writeStartObject();
            g.writeStringField("name", "a");
            g.writeFieldName("contentBytes");
            Base64Value.write(g, new ByteArrayInputStream(content), length);
            g.writeBooleanField("isInline", false);
            g.writeEndObject();
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    private String jackson(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("name", "a");
            g.writeFieldName("contentBytes");
            g.writeBinary(Base64Variants.MIME_NO_LINEFEEDS, new ByteArrayInputStream(content), content.length);
            g.writeBooleanField("isInline", false);
            g.writeEndObject();
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
