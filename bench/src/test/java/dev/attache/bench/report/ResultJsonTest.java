package dev.attache.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.io.TempDir;

import dev.attache.bench.result.BenchRun;

class ResultJsonTest {

    @TempDir
    Path directory;

    private final ResultJson json = new ResultJson();

    @Test
    void readsBackWhatItWrote() throws IOException {
        Path file = directory.resolve("result.json");
        BenchRun run = SampleRun.full();

        json.write(run, file);

        assertThat(json.read(file)).isEqualTo(run);
    }

    @Test
    void writesEnumsByNameAndTheDerivedRates() throws IOException {
        Path file = directory.resolve("result.json");

        json.write(SampleRun.full(), file);

        assertThat(Files.readString(file))
                .contains("\"target\" : \"PIPELINE\"", "\"loop\" : \"CLOSED\"")
                .contains("\"operationsPerSecond\" : 80.0", "\"mebibytesPerSecond\" : 80.0")
                .contains("\"allocatedPerContentByte\" : 2.5")
                .contains("\"nanosPerByte\" : 1.0")
                .contains("\n  \"startedAt\" : \"2026-11-27T16:32:36Z\"");
    }

    @Test
    void readsAResultWrittenBeforeTheFloorWasMeasured() throws IOException {
        Path file = directory.resolve("result.json");
        json.write(SampleRun.full(), file);
        ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(file.toFile());
        tree.remove("floor");
        new ObjectMapper().writeValue(file.toFile(), tree);

        assertThat(json.read(file).floor()).isEmpty();
    }
}
