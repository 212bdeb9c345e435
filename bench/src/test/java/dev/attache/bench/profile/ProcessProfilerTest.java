package dev.attache.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import dev.attache.bench.memory.ChildJvm;

/** async-profiler loaded into a running JVM through the Attach API, as the bench does with ingest-api. */
@EnabledOnOs(value = OS.LINUX, architectures = {"amd64", "x86_64"})
class ProcessProfilerTest {

    @TempDir
    Path directory;

    @Test
    void aCellsFlameGraphShowsWhatTheProcessDidDuringIt() throws Exception {
        ProcessProfiler profiler = ProcessProfiler.create(ProcessProfiler.Event.ALLOC, directory.resolve("lib"));
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        try (ChildJvm child = ChildJvm.start()) {
            CellProfiles profiles = new CellProfiles(profiler, ProcessProfiler.Event.ALLOC, directory,
                    Map.of("child", child.pid()), new PrintStream(progress, true, StandardCharsets.UTF_8));

            String answer = profiles.profile("1 MiB-c64", () -> {
                try {
                    child.tell("allocate 1073741824 1048576", "allocated");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return "measured";
            });

            assertThat(answer).isEqualTo("measured");
        }
        Path graph = directory.resolve("1_MiB-c64-child-alloc.html");
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("profile: " + graph);
        // the allocating frame of the child, by name, in the flame graph's data
        assertThat(Files.readString(graph)).contains("AllocatingChild.allocate");
    }

    @Test
    void aProcessThatCannotBeProfiledIsReportedAndTheCellStillRuns() throws Exception {
        ProcessProfiler profiler = ProcessProfiler.create(ProcessProfiler.Event.CPU, directory.resolve("lib"));
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        CellProfiles profiles = new CellProfiles(profiler, ProcessProfiler.Event.CPU, directory,
                Map.of("gone", Long.MAX_VALUE), new PrintStream(progress, true, StandardCharsets.UTF_8));

        assertThat(profiles.profile("cell", () -> 42)).isEqualTo(42);
        assertThat(progress.toString(StandardCharsets.UTF_8)).startsWith("not profiling gone: ");
        assertThat(directory.resolve("cell-gone-cpu.html")).doesNotExist();
    }
}
