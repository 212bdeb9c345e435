package dev.attache.bench.report;

import static dev.attache.bench.report.Figures.MISSING;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.attache.bench.result.BenchRun;
import dev.attache.bench.result.FloorCost;
import dev.attache.bench.result.Loop;
import dev.attache.bench.result.Machine;
import dev.attache.bench.result.Measurement;
import dev.attache.bench.result.MemoryUse;
import dev.attache.bench.result.Settings;
import dev.attache.bench.result.Target;
import dev.attache.bench.stack.Deployment;

/** The generated section of docs/benchmarks.md: what ran, where, and what it measured, in GitHub Markdown. */
public final class MarkdownReport {

    private static final Comparator<Measurement> BY_CELL = Comparator
            .comparingInt(Measurement::payloadBytes)
            .thenComparingInt(Measurement::concurrency);

    private MarkdownReport() {
    }

    /** @param chartFileName the chart's path relative to the document, as a Markdown image link takes it */
    public static String render(BenchRun run, String chartFileName) {
        StringBuilder out = new StringBuilder();
        out.append("## ").append(run.settings().quick() ? "Quick" : "Full").append(" run of ")
                .append(run.startedAt()).append("\n\n");
        machine(out, run.machine());
        out.append("Command:\n\n```shell\n").append(run.command()).append("\n```\n\n");
        settings(out, run.settings());
        out.append("![throughput and p99 against payload size](").append(chartFileName).append(")\n\n");
        closedLoop(out, run);
        bulk(out, run);
        cpu(out, run);
        rawKafka(out, run);
        openLoop(out, run);
        memory(out, run.memory());
        floor(out, run);
        targets(out, TargetCheck.evaluate(run));
        clientCpu(out, run.measurements());
        return out.toString();
    }

    private static void machine(StringBuilder out, Machine machine) {
        out.append("Machine (the load generator's; with the embedded deployment every service shares it):\n\n")
                .append("- CPU: ").append(machine.cpuModel()).append(", ").append(machine.cpus()).append(" cores\n")
                .append("- memory: ").append(Figures.gibibytes(machine.memoryBytes())).append(" GiB\n")
                .append("- Java: ").append(machine.java()).append('\n')
                .append("- OS: ").append(machine.os()).append("\n\n");
    }

    private static void settings(StringBuilder out, Settings settings) {
        out.append("Settings:\n\n")
                .append("- deployment: ").append(settings.deployment()).append('\n')
                .append("- payload sizes: ").append(settings.payloadSizes().stream()
                        .map(Figures::size).collect(Collectors.joining(", "))).append('\n')
                .append("- concurrencies: ").append(settings.concurrencies().stream()
                        .map(String::valueOf).collect(Collectors.joining(", "))).append('\n')
                .append("- warm-up before measuring: ").append(Figures.decimal(settings.initialWarmupSeconds()))
                .append(" s per size for the pipeline and for raw S3\n")
                .append("- every slice: ").append(Figures.decimal(settings.warmupSeconds()))
                .append(" s warm-up (discarded), then ").append(Figures.decimal(settings.sliceSeconds()))
                .append(" s measured\n")
                .append("- rounds: ").append(settings.rounds())
                .append(" slices per target and cell, pipeline and raw S3 alternated\n")
                .append("- open loop: arrivals at ").append(Figures.ratio(settings.openLoadFraction()))
                .append(" × the pipeline's closed-loop throughput\n\n");
    }

    private static void closedLoop(StringBuilder out, BenchRun run) {
        List<Ratio> ratios = Ratios.of(run);
        MarkdownTable table = new MarkdownTable(1, "size", "in flight",
                "pipeline att/s", "pipeline MiB/s", "pipeline p50", "pipeline p95", "pipeline p99", "pipeline max",
                "pipeline errors", "S3 ops/s", "S3 MiB/s", "S3 p50", "S3 p95", "S3 p99", "S3 max", "S3 errors",
                "throughput ×", "p99 ×", "p99 Δ ms");
        List<Cell> cells = run.measurements().stream()
                .filter(m -> m.loop() == Loop.CLOSED && (m.target() == Target.PIPELINE || m.target() == Target.RAW_S3))
                .sorted(BY_CELL)
                .map(m -> new Cell(m.payloadBytes(), m.concurrency()))
                .distinct()
                .toList();
        for (Cell cell : cells) {
            Optional<Ratio> ratio = ratios.stream()
                    .filter(r -> r.payloadBytes() == cell.payloadBytes() && r.concurrency() == cell.concurrency())
                    .findFirst();
            table.row(concat(
                    List.of(Figures.size(cell.payloadBytes()), String.valueOf(cell.concurrency())),
                    closedLoopFigures(run.measurement(Target.PIPELINE, Loop.CLOSED, cell.payloadBytes(),
                            cell.concurrency())),
                    closedLoopFigures(run.measurement(Target.RAW_S3, Loop.CLOSED, cell.payloadBytes(),
                            cell.concurrency())),
                    List.of(ratio.map(r -> Figures.ratio(r.throughput())).orElse(MISSING),
                            ratio.map(r -> Figures.ratio(r.p99())).orElse(MISSING),
                            ratio.map(r -> Figures.signed(r.p99DeltaMs())).orElse(MISSING))));
        }
        out.append("### Closed loop: the pipeline against raw S3\n\n");
        if (table.isEmpty()) {
            out.append("Not measured in this run.\n\n");
            return;
        }
        out.append("A fixed number of requests in flight. Latencies in ms; × is pipeline ÷ raw S3, "
                        + "Δ is pipeline − raw S3.\n\n")
                .append(table.render()).append('\n');
    }

    /** The bulk paths against their baselines: {@code return=minimal} against raw S3, {@code $batch} against PUTs. */
    private static void bulk(StringBuilder out, BenchRun run) {
        MarkdownTable table = new MarkdownTable(3, "path", "size", "in flight", "pipeline ops/s", "pipeline MiB/s",
                "pipeline p50", "pipeline p99", "pipeline errors", "baseline", "baseline ops/s", "baseline MiB/s",
                "baseline p99", "throughput ×");
        for (Target[] pair : new Target[][] {{Target.PIPELINE_MINIMAL, Target.RAW_S3},
                {Target.PIPELINE_BATCH, Target.RAW_S3_BATCH},
                {Target.PIPELINE_SESSION, Target.RAW_S3_MULTIPART}}) {
            for (Ratio ratio : Ratios.between(run, pair[0], pair[1])) {
                Measurement p = run.measurement(pair[0], Loop.CLOSED, ratio.payloadBytes(), ratio.concurrency())
                        .orElseThrow();
                Measurement b = run.measurement(pair[1], Loop.CLOSED, ratio.payloadBytes(), ratio.concurrency())
                        .orElseThrow();
                table.row(name(pair[0]), pair[0] == Target.PIPELINE_BATCH
                                ? Target.BATCH_ITEMS + " × " + Figures.size(Target.BATCH_ITEM_BYTES)
                                : Figures.size(ratio.payloadBytes()),
                        String.valueOf(ratio.concurrency()), Figures.decimal(p.operationsPerSecond()),
                        Figures.decimal(p.mebibytesPerSecond()), Figures.decimal(p.latency().p50()),
                        Figures.decimal(p.latency().p99()), String.valueOf(p.errors()), name(pair[1]),
                        Figures.decimal(b.operationsPerSecond()), Figures.decimal(b.mebibytesPerSecond()),
                        Figures.decimal(b.latency().p99()), Figures.ratio(ratio.throughput()));
            }
        }
        if (table.isEmpty()) {
            return;
        }
        out.append("### Bulk: `Prefer: return=minimal`, `$batch` and upload sessions\n\n")
                .append("The create without its echo (`204`, measured in the same rounds as the cells above), and "
                        + "batches of " + Target.BATCH_ITEMS + " file attachments of "
                        + Figures.size(Target.BATCH_ITEM_BYTES) + " (each item `return=minimal`; in flight = batches)"
                        + " against the same " + Target.BATCH_ITEMS + " objects PUT to S3 at once; upload sessions of "
                        + Figures.size(Target.SESSION_BYTES) + " in " + Figures.size(Target.SESSION_SLICE_BYTES)
                        + " slices (in flight = sessions) against S3 multipart uploads of the same bytes in "
                        + Figures.size(Target.RAW_PART_BYTES) + " parts. An operation is one request (one batch, one"
                        + " whole session); latencies in ms; × is pipeline ÷ baseline.\n\n")
                .append(table.render()).append('\n');
    }

    private static List<String> closedLoopFigures(Optional<Measurement> measurement) {
        return measurement
                .map(m -> List.of(Figures.decimal(m.operationsPerSecond()), Figures.decimal(m.mebibytesPerSecond()),
                        Figures.decimal(m.latency().p50()), Figures.decimal(m.latency().p95()),
                        Figures.decimal(m.latency().p99()), Figures.decimal(m.latency().max()),
                        String.valueOf(m.errors())))
                .orElse(List.of(MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING));
    }

    /**
     * Where the machine's cores went, per operation: with everything on one machine, throughput is about the cores
     * divided by the CPU each operation costs in all processes together.
     */
    private static void cpu(StringBuilder out, BenchRun run) {
        List<Measurement> measured = run.measurements().stream()
                .filter(m -> m.loop() == Loop.CLOSED && !m.cpuMillisPerOperation().isEmpty())
                .sorted(BY_CELL.thenComparing(Measurement::target))
                .toList();
        List<String> processes = measured.stream()
                .flatMap(m -> m.cpuMillisPerOperation().keySet().stream())
                .distinct()
                .toList();
        if (measured.isEmpty()) {
            return;
        }
        List<String> headers = concat(List.of("size", "in flight", "target"), processes, List.of("all"));
        MarkdownTable table = new MarkdownTable(3, headers.toArray(String[]::new));
        for (Measurement m : measured) {
            List<String> figures = processes.stream()
                    .map(process -> m.cpuMillisPerOperation().containsKey(process)
                            ? Figures.decimal(m.cpuMillisPerOperation().get(process)) : Figures.MISSING)
                    .toList();
            double all = m.cpuMillisPerOperation().values().stream().mapToDouble(Double::doubleValue).sum();
            table.row(concat(List.of(Figures.size(m.payloadBytes()), String.valueOf(m.concurrency()), name(m.target())),
                    figures, List.of(Figures.decimal(all))));
        }
        out.append("### CPU per operation\n\n")
                .append("CPU milliseconds each process spent per completed operation while measuring (its CPU time in"
                        + " the window ÷ operations). With every process on one machine, throughput is at most the"
                        + " cores' milliseconds per second divided by the \"all\" column.\n\n")
                .append(table.render()).append('\n');
    }

    private static void rawKafka(StringBuilder out, BenchRun run) {
        List<Measurement> kafka = run.measurements().stream()
                .filter(m -> m.target() == Target.RAW_KAFKA && m.loop() == Loop.CLOSED)
                .sorted(BY_CELL)
                .toList();
        if (kafka.isEmpty()) {
            return;
        }
        MarkdownTable table = new MarkdownTable(0, "in flight", "ops/s", "p50", "p95", "p99", "max", "errors");
        kafka.forEach(m -> table.row(
                String.valueOf(m.concurrency()), Figures.decimal(m.operationsPerSecond()),
                Figures.decimal(m.latency().p50()), Figures.decimal(m.latency().p95()),
                Figures.decimal(m.latency().p99()), Figures.decimal(m.latency().max()),
                String.valueOf(m.errors())));
        out.append("### Raw Kafka\n\n")
                .append("One command-sized record (")
                .append(kafka.stream().map(m -> Figures.size(m.payloadBytes())).distinct()
                        .collect(Collectors.joining(", ")))
                .append(") produced with acks=all and read back read_committed: what a Kafka round trip of the "
                        + "pipeline costs at the least. Latencies in ms.\n\n")
                .append(table.render()).append('\n');
    }

    private static void openLoop(StringBuilder out, BenchRun run) {
        List<Measurement> open = run.measurements().stream()
                .filter(m -> m.loop() == Loop.OPEN)
                .sorted(Comparator.comparing(Measurement::target).thenComparing(BY_CELL))
                .toList();
        if (open.isEmpty()) {
            return;
        }
        MarkdownTable table = new MarkdownTable(1,
                "target", "size", "offered/s", "achieved/s", "p50", "p99", "max", "errors");
        open.forEach(m -> table.row(
                name(m.target()), Figures.size(m.payloadBytes()),
                Figures.decimal(m.offeredPerSecond()), Figures.decimal(m.operationsPerSecond()),
                Figures.decimal(m.latency().p50()), Figures.decimal(m.latency().p99()),
                Figures.decimal(m.latency().max()), String.valueOf(m.errors())));
        out.append("### Open loop\n\n")
                .append("A fixed arrival rate; latency counts from when a request was due, so queueing shows. "
                        + "Latencies in ms.\n\n")
                .append(table.render()).append('\n');
    }

    private static void memory(StringBuilder out, List<MemoryUse> memory) {
        out.append("### Memory of ingest-api\n\n");
        if (memory.isEmpty()) {
            out.append("Not observed in this run.\n\n");
            return;
        }
        MarkdownTable table = new MarkdownTable(1, "size", "in flight",
                "peak heap MiB", "heap after GC MiB", "peak RSS MiB", "allocated per content byte");
        memory.stream()
                .sorted(Comparator.comparingInt(MemoryUse::payloadBytes).thenComparingInt(MemoryUse::concurrency))
                .forEach(use -> table.row(
                        Figures.size(use.payloadBytes()), String.valueOf(use.concurrency()),
                        knownMebibytes(use.peakHeapBytes()), knownMebibytes(use.heapAfterGcBytes()),
                        knownMebibytes(use.peakRssBytes()),
                        use.contentBytes() > 0 ? Figures.ratio(use.allocatedPerContentByte()) : MISSING));
        out.append("During the closed-loop pipeline cells, warm-up excluded.\n\n")
                .append(table.render()).append('\n');
    }

    /** The floor of each size beside what ingest-api spent per content byte at full load, with and without echo. */
    private static void floor(StringBuilder out, BenchRun run) {
        if (run.floor().isEmpty()) {
            return;
        }
        MarkdownTable table = new MarkdownTable(1, "size", "base64 decode", "SHA-256", "copy", "floor",
                "ingest-api, echo", "× floor", "ingest-api, return=minimal", "× floor");
        int fullLoad = run.settings().concurrencies().stream().mapToInt(Integer::intValue).max().orElse(1);
        for (FloorCost floor : run.floor()) {
            List<String> row = new ArrayList<>(List.of(Figures.size(floor.payloadBytes()),
                    Figures.ratio(floor.decodeNanosPerByte()), Figures.ratio(floor.hashNanosPerByte()),
                    Figures.ratio(floor.copyNanosPerByte()), Figures.ratio(floor.nanosPerByte())));
            for (Target target : List.of(Target.PIPELINE, Target.PIPELINE_MINIMAL)) {
                Optional<Double> ingest = run.measurement(target, Loop.CLOSED, floor.payloadBytes(), fullLoad)
                        .map(m -> m.cpuMillisPerOperation().get(Deployment.INGEST_API))
                        .map(millis -> millis * 1e6 / floor.payloadBytes());
                row.add(ingest.map(Figures::ratio).orElse(MISSING));
                row.add(ingest.map(nanos -> Figures.decimal(nanos / floor.nanosPerByte())).orElse(MISSING));
            }
            table.row(row);
        }
        out.append("### The floor\n\n")
                .append("What no implementation of the contract can skip, measured in this run with the JDK's "
                        + "primitives once warm (one thread's CPU time, the stack idle): decoding the payload's "
                        + "base64 (`java.util.Base64`, from an array), one SHA-256 (`MessageDigest`) and one copy "
                        + "(`System.arraycopy`). Beside it, ingest-api's CPU per content byte at the highest "
                        + "concurrency of the run, from the table \"CPU per operation\" (everything it does for a "
                        + "request, divided by its content bytes). Nanoseconds per content byte.\n\n")
                .append(table.render()).append('\n');
    }

    // A live JVM never has zero heap or resident memory: zero or less means the probe could not read it.
    private static String knownMebibytes(long bytes) {
        return bytes > 0 ? Figures.mebibytes(bytes) : MISSING;
    }

    private static void targets(StringBuilder out, List<TargetOutcome> outcomes) {
        out.append("### Targets\n\n");
        if (outcomes.isEmpty()) {
            out.append("None of the targets' cells were measured in this run.\n\n");
            return;
        }
        MarkdownTable table = new MarkdownTable(3, "target", "measured", "met");
        outcomes.forEach(o -> table.row(o.target(), o.measured(), o.met() ? "✅" : "❌"));
        out.append(table.render()).append('\n');
    }

    // The load generator shares the machine; if it used much of it, the figures measure it as much as the pipeline.
    private static void clientCpu(StringBuilder out, List<Measurement> measurements) {
        measurements.stream().mapToDouble(Measurement::clientCpuShare).max().ifPresent(share -> out
                .append("The load generator used at most ").append(Figures.percent(share))
                .append(" of the machine's CPU in any cell (its CPU time ÷ wall time × cores).\n"));
    }

    static String name(Target target) {
        return switch (target) {
            case PIPELINE -> "pipeline";
            case RAW_S3 -> "raw S3";
            case RAW_KAFKA -> "raw Kafka";
            case PIPELINE_MINIMAL -> "pipeline, return=minimal";
            case PIPELINE_BATCH -> "pipeline, $batch";
            case RAW_S3_BATCH -> "raw S3, 20 PUTs at once";
            case PIPELINE_SESSION -> "pipeline, upload session";
            case RAW_S3_MULTIPART -> "raw S3 multipart";
        };
    }

    private record Cell(int payloadBytes, int concurrency) {
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        return Stream.of(parts).flatMap(List::stream).toList();
    }
}
