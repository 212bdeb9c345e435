package dev.attache.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.attache.bench.result.BenchRun;
import dev.attache.bench.result.FloorCost;
import dev.attache.bench.result.Measurement;
import dev.attache.bench.result.MemoryUse;

/**
 * A run as JSON, to compare runs or redraw the report without measuring again. The derived rates are written too,
 * for whoever reads the file without this code; reading ignores them, since the records compute them anew.
 */
public final class ResultJson {

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            // Mix-ins keep Jackson out of the result model, which the measuring code shares.
            .addMixIn(Measurement.class, MeasurementRates.class)
            .addMixIn(MemoryUse.class, MemoryUseRatio.class)
            .addMixIn(FloorCost.class, FloorTotal.class);

    public void write(BenchRun run, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        mapper.writeValue(file.toFile(), run);
    }

    public BenchRun read(Path file) throws IOException {
        return mapper.readValue(file.toFile(), BenchRun.class);
    }

    private abstract static class MeasurementRates {
        @JsonProperty(access = JsonProperty.Access.READ_ONLY)
        abstract double operationsPerSecond();

        @JsonProperty(access = JsonProperty.Access.READ_ONLY)
        abstract double mebibytesPerSecond();
    }

    private abstract static class FloorTotal {
        @JsonProperty(access = JsonProperty.Access.READ_ONLY)
        abstract double nanosPerByte();
    }

    private abstract static class MemoryUseRatio {
        @JsonProperty(access = JsonProperty.Access.READ_ONLY)
        abstract double allocatedPerContentByte();
    }
}
