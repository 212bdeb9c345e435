package dev.attache.bench.report;

import static dev.attache.bench.report.SampleRun.KIB;
import static dev.attache.bench.report.SampleRun.LARGE;
import static dev.attache.bench.report.SampleRun.MIB;
import static dev.attache.bench.report.SampleRun.closed;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import dev.attache.bench.result.MemoryUse;
import dev.attache.bench.result.Target;

class MarkdownReportTest {

    private final String report = MarkdownReport.render(SampleRun.full(), "benchmarks.png");

    @Test
    void saysWhenWhereAndHowItRan() {
        assertThat(report)
                .startsWith("## Full run of 2026-11-27T16:32:36Z\n")
                .contains("- CPU: AMD EPYC 7B13, 16 cores\n")
                .contains("- memory: 64.0 GiB\n")
                .contains("- Java: OpenJDK 64-Bit Server VM 17.0.12\n")
                .contains("- OS: Linux 6.8.0 amd64\n")
                .contains("```shell\n./attache bench --rounds 3\n```\n")
                .contains("- payload sizes: 1 KiB, 64 KiB, 1 MiB, 3 MiB − 1 KiB\n")
                .contains("- concurrencies: 1, 16, 64\n")
                .contains("- warm-up before measuring: 30.0 s per size for the pipeline and for raw S3\n")
                .contains("5.0 s warm-up (discarded), then 20.0 s measured\n")
                .contains("- rounds: 3 ")
                .contains("![throughput and p99 against payload size](benchmarks.png)\n");
    }

    @Test
    void aQuickRunSaysSo() {
        assertThat(MarkdownReport.render(SampleRun.run(true, List.of(), List.of()), "chart.png"))
                .startsWith("## Quick run of 2026-11-27T16:32:36Z\n");
    }

    @Test
    void closedLoopRowsSetThePipelineBesideRawS3WithTheRatios() {
        assertThat(report)
                .contains("| 1 MiB | 16 | 80.0 | 80.0 | 125.0 | 187.5 | 250.0 | 500.0 | 0 "
                        + "| 100.0 | 100.0 | 100.0 | 150.0 | 200.0 | 400.0 | 0 | 0.80 | 1.25 | +50.0 |\n")
                .contains("| 1 KiB | 64 | 600.0 | 0.6 | 35.0 | 52.5 | 70.0 | 140.0 | 0 "
                        + "| 1000.0 | 1.0 | 5.0 | 7.5 | 10.0 | 20.0 | 0 | 0.60 | 7.00 | +60.0 |\n")
                // measured for the pipeline only
                .contains("| 64 KiB | 1 | 200.0 | 12.5 | 4.0 | 6.0 | 8.0 | 16.0 | 0 "
                        + "| – | – | – | – | – | – | – | – | – | – |\n");
        assertThat(report.indexOf("| 1 KiB | 64 |")).isLessThan(report.indexOf("| 64 KiB | 1 |"));
        assertThat(report.indexOf("| 1 MiB | 16 |")).isLessThan(report.indexOf("| 1 MiB | 64 |"));
    }

    @Test
    void rawKafkaOpenLoopAndMemoryHaveTheirTables() {
        assertThat(report)
                .contains("One command-sized record (600 B)")
                .contains("| 16 | 2000.0 | 6.0 | 9.0 | 12.0 | 24.0 | 0 |\n")
                .contains("| pipeline | 1 MiB | 64.0 | 63.0 | 150.0 | 400.0 | 1200.0 | 2 |\n")
                .contains("| 3 MiB − 1 KiB | 64 | 547.9 | 90.0 | 900.0 | 2.50 |\n");
    }

    @Test
    void targetsShowWhetherTheyWereMet() {
        assertThat(report)
                .contains("| 1 MiB at 16 in flight, return=minimal: throughput ≥ 0.80 × raw S3 "
                        + "| 80.0 att/s against 100.0/s: 0.80 × | ✅ |\n")
                .contains("| 1 MiB at 64 in flight: processor CPU ≤ 0.3 ms per command | 2.00 ms per command | ❌ |\n");
    }

    @Test
    void setsIngestApisCostPerByteBesideTheFloor() {
        assertThat(report)
                .contains("### The floor\n")
                .contains("| 1 MiB | 0.25 | 0.50 | 0.25 | 1.00 | 7.87 | 7.9 | 2.00 | 2.0 |\n")
                .contains("| 3 MiB − 1 KiB | 0.13 | 0.50 | 0.13 | 0.75 | 2.62 | 3.5 | 0.67 | 0.9 |\n");
        assertThat(report.indexOf("### The floor")).isLessThan(report.indexOf("### Targets"));
    }

    @Test
    void statesTheLoadGeneratorsHighestCpuShare() {
        assertThat(report).contains("The load generator used at most 12.5 % of the machine's CPU");
    }

    @Test
    void leavesOutWhatWasNotMeasuredAndMarksWhatCouldNotBeRead() {
        String quick = MarkdownReport.render(SampleRun.run(true,
                        List.of(closed(Target.PIPELINE, 64 * KIB, 1, 100, 5),
                                closed(Target.RAW_S3, 64 * KIB, 1, 200, 4)),
                        List.of(new MemoryUse(64 * KIB, 1, 50L * MIB, 20L * MIB, 0, 0, 0))),
                "chart.png");

        assertThat(quick)
                .doesNotContain("### Open loop", "### Raw Kafka", "### The floor")
                .contains("| 64 KiB | 1 | 50.0 | 20.0 | – | – |\n")
                .contains("None of the targets' cells were measured in this run.");
    }

    @Test
    void showsTheBulkPathsAgainstTheirOwnBaselines() {
        int batchBytes = Target.BATCH_ITEMS * Target.BATCH_ITEM_BYTES;
        String bulk = MarkdownReport.render(SampleRun.run(false, List.of(
                        closed(Target.PIPELINE, MIB, 16, 50, 300), closed(Target.RAW_S3, MIB, 16, 100, 200),
                        closed(Target.PIPELINE_MINIMAL, MIB, 16, 80, 220),
                        closed(Target.PIPELINE_BATCH, batchBytes, 4, 10, 400),
                        closed(Target.RAW_S3_BATCH, batchBytes, 4, 20, 150),
                        closed(Target.PIPELINE_SESSION, Target.SESSION_BYTES, 8, 3, 2_800),
                        closed(Target.RAW_S3_MULTIPART, Target.SESSION_BYTES, 8, 4, 2_000)), List.of()),
                "chart.png");

        assertThat(bulk).contains("### Bulk: `Prefer: return=minimal`, `$batch` and upload sessions")
                .contains("| pipeline, upload session | 40 MiB | 8 | 3.0 | 120.0 |")
                .contains("| raw S3 multipart | 4.0 | 160.0 |")
                .contains("| 0.75 |")
                .contains("| pipeline, return=minimal | 1 MiB | 16 | 80.0 |")
                .contains("| raw S3 | 100.0 |")
                .contains("| pipeline, $batch | 20 × 64 KiB | 4 | 10.0 |")
                .contains("| raw S3, 20 PUTs at once | 20.0 |")
                .contains("| 0.80 |", "| 0.50 |");
        assertThat(MarkdownReport.render(SampleRun.run(false, List.of(closed(Target.PIPELINE, MIB, 16, 50, 300),
                        closed(Target.RAW_S3, MIB, 16, 100, 200)), List.of()), "chart.png"))
                .as("nothing of it when not measured")
                .doesNotContain("### Bulk");
    }

    @Test
    void numbersDoNotFollowTheDefaultLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            assertThat(MarkdownReport.render(SampleRun.full(), "benchmarks.png")).isEqualTo(report);
        } finally {
            Locale.setDefault(before);
        }
    }
}
