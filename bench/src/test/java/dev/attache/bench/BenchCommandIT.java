package dev.attache.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.attache.bench.cli.BenchCommand;
import dev.attache.bench.report.ResultJson;
import dev.attache.bench.result.BenchRun;
import dev.attache.bench.result.Loop;
import dev.attache.bench.result.Measurement;
import dev.attache.bench.result.MemoryUse;
import dev.attache.bench.result.Target;
import picocli.CommandLine;

/**
 * {@code ./attache bench} end to end on a tiny plan: it starts the embedded stack from the packaged deploy/local,
 * processor and ingest-api (a missing jar fails the run with the stack's own message), measures every cell, writes
 * the JSON result, the doc and its chart, and leaves no process and no data directory behind.
 */
class BenchCommandIT {

    static final List<Integer> SIZES = List.of(1024, 65536);
    static final List<Integer> CONCURRENCIES = List.of(1, 4);
    static final Duration GONE_WAIT = Duration.ofSeconds(30);

    @TempDir
    Path out;

    @Test
    void aTinyRunMeasuresEveryCellWritesTheReportAndLeavesNothingBehind() throws Exception {
        Path results = out.resolve("results");
        Path doc = out.resolve("docs").resolve("benchmarks.md");
        String[] args = {"--sizes", "1024,65536", "--concurrency", "1,4", "--initial-warmup", "PT0.5S",
                "--warmup", "PT0.5S", "--slice", "PT1S", "--rounds", "1", "--results", results.toString(),
                "--docs", doc.toString()};
        StringWriter err = new StringWriter();

        int exit;
        Map<Long, String> children;
        try (ChildProcesses watch = ChildProcesses.watch()) {
            exit = new CommandLine(new BenchCommand(List.of(args))).setErr(new PrintWriter(err, true)).execute(args);
            children = watch.seen();
        }
        // read (and, should any be left, killed) before anything can fail, so a failing run leaves nothing running
        List<String> leftRunning = ChildProcesses.stillRunningAfter(children, GONE_WAIT);

        assertThat(exit).as("exit code; the command said:%n%s", err).isZero();

        List<Path> json = list(results);
        assertThat(json).as("results").hasSize(1);
        assertThat(json.get(0).getFileName().toString()).startsWith("bench-").endsWith(".json");
        BenchRun run = new ResultJson().read(json.get(0));
        assertThat(run.command()).isEqualTo("./attache bench " + String.join(" ", args));
        assertThat(run.settings().payloadSizes()).isEqualTo(SIZES);
        assertThat(run.settings().concurrencies()).isEqualTo(CONCURRENCIES);
        assertThat(run.settings().rounds()).isEqualTo(1);
        for (int size : SIZES) {
            for (int concurrency : CONCURRENCIES) {
                measured(run, Target.PIPELINE, Loop.CLOSED, size, concurrency);
                measured(run, Target.RAW_S3, Loop.CLOSED, size, concurrency);
                Measurement pipeline = run.measurement(Target.PIPELINE, Loop.CLOSED, size, concurrency).orElseThrow();
                // ingest-api's memory was observed in every pipeline cell, over the same window as the load
                MemoryUse memory = run.memory().stream()
                        .filter(m -> m.payloadBytes() == size && m.concurrency() == concurrency)
                        .findFirst().orElseThrow(() -> new AssertionError("no memory entry for " + size + "/" + concurrency));
                assertThat(memory.allocatedBytes()).as("bytes ingest-api allocated, %d/%d", size, concurrency).isPositive();
                assertThat(memory.contentBytes()).isEqualTo(pipeline.operations() * size);
            }
        }
        // and in the upload-session cell: one session in flight (eight is above this plan's highest concurrency)
        assertThat(run.memory()).hasSize(SIZES.size() * CONCURRENCIES.size() + 1);
        for (int concurrency : CONCURRENCIES) {
            assertThat(run.measurements()).filteredOn(m -> m.target() == Target.RAW_KAFKA && m.loop() == Loop.CLOSED
                    && m.concurrency() == concurrency).singleElement()
                    .satisfies(m -> assertThat(m.operations()).isPositive())
                    .satisfies(m -> assertThat(m.errors()).isZero());
        }
        // return=minimal beside the echo from 64 KiB on; batches of 20 × 64 KiB against 20 PUTs at once
        for (int concurrency : CONCURRENCIES) {
            measured(run, Target.PIPELINE_MINIMAL, Loop.CLOSED, 65536, concurrency);
        }
        assertThat(run.measurement(Target.PIPELINE_MINIMAL, Loop.CLOSED, 1024, 1)).as("not below 64 KiB").isEmpty();
        int batchBytes = Target.BATCH_ITEMS * Target.BATCH_ITEM_BYTES;
        measured(run, Target.PIPELINE_BATCH, Loop.CLOSED, batchBytes, 1);
        measured(run, Target.RAW_S3_BATCH, Loop.CLOSED, batchBytes, 1);
        // upload sessions of 40 MiB against S3 multipart uploads of the same bytes
        measured(run, Target.PIPELINE_SESSION, Loop.CLOSED, Target.SESSION_BYTES, 1);
        measured(run, Target.RAW_S3_MULTIPART, Loop.CLOSED, Target.SESSION_BYTES, 1);
        assertThat(run.measurement(Target.PIPELINE_SESSION, Loop.CLOSED, Target.SESSION_BYTES, 4)).isEmpty();
        // the open loop runs at the largest size given, capped at the highest concurrency, for both targets
        for (Target target : List.of(Target.PIPELINE, Target.RAW_S3)) {
            Measurement open = measured(run, target, Loop.OPEN, 65536, 4);
            assertThat(open.offeredPerSecond()).as("%s open-loop rate", target).isPositive();
        }

        String text = Files.readString(doc);
        assertThat(text).contains("<!-- bench:results:begin -->", "<!-- bench:results:end -->")
                .contains(run.command())
                .contains("### Closed loop: the pipeline against raw S3")
                .contains("### Bulk: `Prefer: return=minimal`, `$batch` and upload sessions",
                        "| pipeline, $batch | 20 × 64 KiB | 1 |", "| pipeline, upload session | 40 MiB | 1 |")
                .contains("| 1 KiB ", "| 64 KiB ")
                .contains("![throughput and p99 against payload size](benchmarks.png)");
        assertThat(text.indexOf(run.command())).isGreaterThan(text.indexOf("<!-- bench:results:begin -->"));
        BufferedImage chart = ImageIO.read(doc.resolveSibling("benchmarks.png").toFile());
        assertThat(chart).as("the chart beside the doc").isNotNull();
        assertThat(chart.getWidth()).isPositive();
        assertThat(new ResultJson().read(doc.resolveSibling("benchmarks.json")))
                .as("the result the doc shows, beside it").isEqualTo(run);
        assertThat(run.measurements()).allSatisfy(m -> assertThat(m.cpuMillisPerOperation())
                .as("CPU per operation of %s %s", m.target(), m.payloadBytes())
                .containsKeys("load generator", "ingest-api", "processor", "Kafka + S3"));
        assertThat(text).contains("### CPU per operation");

        // the stack ran as `attache up` in a data directory of its own under the temp dir, with the apps below it
        String up = children.values().stream().filter(c -> c.contains("attache-local.jar") && c.contains(" up "))
                .findFirst().orElseThrow(() -> new AssertionError("`attache up` never seen among " + children));
        assertThat(children.values()).anyMatch(c -> c.contains("ingest-api/target/quarkus-app"))
                .anyMatch(c -> c.contains("processor/target/quarkus-app"));
        Path dataDir = Path.of(argumentAfter(up, "--data-dir"));
        assertThat(dataDir.getParent()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir")));
        assertThat(dataDir.getFileName().toString()).startsWith("attache-bench-");
        assertThat(dataDir).as("the stack's data directory").doesNotExist();
        assertThat(leftRunning).as("processes of the run still running %s after it", GONE_WAIT).isEmpty();
        assertThat(ProcessHandle.current().descendants()).as("child processes left").isEmpty();
    }

    static Measurement measured(BenchRun run, Target target, Loop loop, int size, int concurrency) {
        Measurement m = run.measurement(target, loop, size, concurrency)
                .orElseThrow(() -> new AssertionError("no " + target + " " + loop + " " + size + "/" + concurrency));
        assertThat(m.operations()).as("%s %s %d/%d operations", target, loop, size, concurrency).isPositive();
        assertThat(m.errors()).as("%s %s %d/%d errors", target, loop, size, concurrency).isZero();
        assertThat(m.latency().p50()).as("%s %s %d/%d p50", target, loop, size, concurrency).isPositive();
        return m;
    }

    static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    static String argumentAfter(String commandLine, String option) {
        List<String> words = List.of(commandLine.split(" "));
        int at = words.indexOf(option);
        assertThat(at).as("%s in %s", option, commandLine).isNotNegative();
        return words.get(at + 1);
    }

    /**
     * The test JVM's descendants, sampled while the command runs: once `attache up` has exited, the apps it started
     * would no longer be this JVM's descendants even if they were left running, so they must be known by pid before.
     */
    static final class ChildProcesses implements AutoCloseable {

        private final Map<Long, String> seen = new ConcurrentHashMap<>();
        private final Thread sampler;
        private volatile boolean stopped;

        private ChildProcesses() {
            sampler = new Thread(() -> {
                while (!stopped) {
                    sample();
                    try {
                        Thread.sleep(100); // a sampling period, not a wait for anything
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "child-process-sampler");
            sampler.setDaemon(true);
        }

        static ChildProcesses watch() {
            ChildProcesses watch = new ChildProcesses();
            watch.sampler.start();
            return watch;
        }

        // A child can be caught between fork and exec, still showing this JVM's command line: the latest one read wins.
        private void sample() {
            ProcessHandle.current().descendants().forEach(process -> process.info().commandLine().ifPresentOrElse(
                    line -> seen.put(process.pid(), line), () -> seen.putIfAbsent(process.pid(), "?")));
        }

        Map<Long, String> seen() {
            return Map.copyOf(seen);
        }

        /**
         * Waits (bounded) until none of {@code processes} runs any more; answers those still running then, killed so
         * that a failing run does not leave them behind (only if still the same program: pids are reused).
         */
        static List<String> stillRunningAfter(Map<Long, String> processes, Duration wait) throws InterruptedException {
            Instant deadline = Instant.now().plus(wait);
            List<ProcessHandle> running = running(processes);
            while (!running.isEmpty() && Instant.now().isBefore(deadline)) {
                Thread.sleep(100); // polling the condition itself, bounded by the deadline
                running = running(processes);
            }
            running.forEach(ProcessHandle::destroyForcibly);
            return running.stream().map(p -> p.pid() + " " + processes.get(p.pid())).toList();
        }

        private static List<ProcessHandle> running(Map<Long, String> processes) {
            return processes.entrySet().stream()
                    .flatMap(e -> ProcessHandle.of(e.getKey()).stream()
                            .filter(p -> p.isAlive() && p.info().commandLine().orElse("?").equals(e.getValue())))
                    .toList();
        }

        @Override
        public void close() throws InterruptedException {
            stopped = true;
            sampler.interrupt();
            sampler.join(5_000);
        }
    }
}
