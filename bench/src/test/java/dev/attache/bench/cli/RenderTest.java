package dev.attache.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attache.bench.report.ResultJson;
import dev.attache.bench.result.BenchRun;
import dev.attache.bench.result.Latency;
import dev.attache.bench.result.Loop;
import dev.attache.bench.result.Machine;
import dev.attache.bench.result.Measurement;
import dev.attache.bench.result.Settings;
import dev.attache.bench.result.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --render}: the doc, its chart and its JSON regenerated from an earlier result, nothing measured. */
class RenderTest {

    @TempDir
    Path dir;

    @Test
    void regeneratesTheDocFromAResultWithoutMeasuring() throws Exception {
        BenchRun earlier = new BenchRun("2026-01-02T03:04:05Z", "./attache bench --quick",
                new Machine("Linux", "a CPU", 2, 1L << 34, "a JVM"),
                new Settings(true, "embedded", List.of(1024), List.of(16), 3, 1, 2, 1, 0.7),
                List.of(measurement(Target.PIPELINE, 100), measurement(Target.RAW_S3, 1000)), List.of(),
                List.of());
        Path result = dir.resolve("earlier.json");
        new ResultJson().write(earlier, result);
        Path doc = dir.resolve("docs").resolve("benchmarks.md");
        String[] args = {"--render", result.toString(), "--docs", doc.toString()};

        int exit = new CommandLine(new BenchCommand(List.of(args))).execute(args);

        assertThat(exit).isZero();
        assertThat(Files.readString(doc)).contains("## Quick run of 2026-01-02T03:04:05Z")
                .contains("./attache bench --quick")
                .contains("| 1 KiB | 16 | 100.0 ");
        assertThat(ImageIO.read(doc.resolveSibling("benchmarks.png").toFile())).isNotNull();
        assertThat(new ResultJson().read(doc.resolveSibling("benchmarks.json"))).isEqualTo(earlier);
    }

    private static Measurement measurement(Target target, long perSecond) {
        return new Measurement(target, Loop.CLOSED, 1024, 16, 0, perSecond * 2, 0, 2,
                new Latency(1, 2, 3, 4, 1.5), 0.1, Map.of("ingest-api", 1.0));
    }
}
