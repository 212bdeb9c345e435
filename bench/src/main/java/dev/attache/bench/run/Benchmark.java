package dev.attache.bench.run;

import dev.attache.bench.kafka.CommandSizedRecord;
import dev.attache.bench.kafka.RawKafkaRoundTrip;
import dev.attache.bench.load.ClosedLoop;
import dev.attache.bench.load.CpuMeter;
import dev.attache.bench.load.LoadResult;
import dev.attache.bench.load.OpenLoop;
import dev.attache.bench.load.Operation;
import dev.attache.bench.load.WindowObserver;
import dev.attache.bench.memory.JvmProcessProbe;
import dev.attache.bench.profile.CellProfiles;
import dev.attache.bench.memory.MemoryWindow;
import dev.attache.bench.pipeline.FileAttachmentBody;
import dev.attache.bench.pipeline.GraphClient;
import dev.attache.bench.result.Latency;
import dev.attache.bench.result.Loop;
import dev.attache.bench.result.Measurement;
import dev.attache.bench.result.MemoryUse;
import dev.attache.bench.result.PayloadSizes;
import dev.attache.bench.result.Target;
import dev.attache.bench.s3.RawS3Put;
import dev.attache.bench.stack.Deployment;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * Runs a {@link BenchPlan} against a {@link Deployment}: raw Kafka first, then every (size, concurrency) cell with the
 * pipeline and raw S3 in alternating slices, then the open loop; returns the measurements, warm-up excluded.
 */
public final class Benchmark implements AutoCloseable {

    /** The smallest size measured with {@code return=minimal} too: below it the echo costs little. */
    static final int MINIMAL_FROM_BYTES = PayloadSizes.MEDIUM;

    static final Duration BATCH_WARMUP = Duration.ofSeconds(2);
    static final Duration BATCH_SLICE = Duration.ofSeconds(5);

    /** Upload sessions in flight: one alone, and a bulk client's eight. */
    static final List<Integer> SESSIONS_IN_FLIGHT = List.of(1, 8);
    /** A 40 MiB session takes about a second here: slices long enough for several of them. */
    static final Duration SESSION_SLICE = Duration.ofSeconds(10);

    /** Operations still running this long after a window closes count as errors. */
    private static final Duration DRAIN = Duration.ofSeconds(60);

    private final Deployment deployment;
    private final BenchPlan plan;
    private final PrintStream progress;
    private final ExecutorService driver;
    private final ClosedLoop closedLoop;
    private final OpenLoop openLoop;
    private final GraphClient graph;
    private final RawS3Put rawS3;
    private final RawKafkaRoundTrip rawKafka;
    private final JvmProcessProbe memoryProbe;
    private final CellProfiles profiles;
    private final List<String> eventIds = new ArrayList<>();
    private final List<Measurement> measurements = new ArrayList<>();
    /** By cell, in the order the cells are measured (size, then concurrency). */
    private final Map<Cell, MemoryUse> memory = new LinkedHashMap<>();

    /** @param profiles flame graphs of each measured cell, or null for none */
    public Benchmark(Deployment deployment, BenchPlan plan, PrintStream progress, CellProfiles profiles)
            throws Exception {
        this.deployment = deployment;
        this.plan = plan;
        this.progress = progress;
        this.profiles = profiles;
        this.driver = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
            Thread thread = new Thread(r, "bench-driver");
            thread.setDaemon(true);
            return thread;
        });
        CpuMeter cpu = new CpuMeter(deployment.processes());
        this.closedLoop = new ClosedLoop(driver, cpu);
        this.openLoop = new OpenLoop(cpu);
        this.graph = new GraphClient(deployment.graphBase(), deployment.token());
        this.rawS3 = new RawS3Put(deployment.s3Endpoint(), deployment.s3AccessKey(), deployment.s3SecretKey(),
                deployment.s3Region(), deployment.bucket(), plan.maxConcurrency());
        this.rawKafka = new RawKafkaRoundTrip(deployment.kafkaClient());
        this.memoryProbe = attachToIngestApi();
    }

    public List<Measurement> measurements() {
        return List.copyOf(measurements);
    }

    public List<MemoryUse> memory() {
        return List.copyOf(memory.values());
    }

    public void run() throws Exception {
        int events = Math.max(8, plan.maxConcurrency());
        progress.printf("creating %d events%n", events);
        for (int i = 0; i < events; i++) {
            eventIds.add(graph.createEvent("attache bench " + i));
        }
        Map<Integer, Operation> pipeline = new HashMap<>();
        Map<Integer, Operation> minimal = new HashMap<>();
        Map<Integer, Operation> s3 = new HashMap<>();
        Random random = new Random(42);
        for (int size : plan.payloadSizes()) {
            byte[] content = new byte[size];
            random.nextBytes(content); // incompressible, like most attachments
            FileAttachmentBody body = FileAttachmentBody.of("bench-" + size + ".bin", content);
            pipeline.put(size, graph.addAttachment(body, eventIds));
            minimal.put(size, graph.addAttachmentMinimal(body, eventIds));
            s3.put(size, rawS3.put(content));
        }
        byte[] itemContent = new byte[Target.BATCH_ITEM_BYTES];
        random.nextBytes(itemContent);
        Operation batch = graph.addAttachmentsInBatches(FileAttachmentBody.of("bench-batch-item.bin", itemContent),
                Target.BATCH_ITEMS, eventIds);
        Operation s3Batch = rawS3.putAll(itemContent, Target.BATCH_ITEMS);
        byte[] sessionContent = new byte[Target.SESSION_BYTES];
        random.nextBytes(sessionContent);
        Operation session = graph.uploadInSession(sessionContent, Target.SESSION_SLICE_BYTES, eventIds);
        Operation s3Multipart = rawS3.multipart(sessionContent, Target.RAW_PART_BYTES);

        warmUp(pipeline, s3);
        warmUpBulk(minimal, plan.bulk() ? batch : null, s3Batch);
        measureRawKafka();
        for (int size : plan.payloadSizes()) {
            for (int concurrency : plan.concurrencies()) {
                measureCell(size, concurrency, pipeline.get(size),
                        size >= MINIMAL_FROM_BYTES ? minimal.get(size) : null, s3.get(size));
            }
        }
        for (int batches : plan.bulk() ? batchConcurrencies() : List.<Integer>of()) {
            measureBatches(batches, batch, s3Batch);
        }
        for (int sessions : SESSIONS_IN_FLIGHT) {
            if (plan.bulk() && sessions <= plan.maxConcurrency()) {
                measureSessions(sessions, session, s3Multipart);
            }
        }
        for (int size : plan.openLoopSizes()) {
            if (pipeline.containsKey(size)) {
                measureOpenLoop(size, pipeline.get(size), s3.get(size));
            }
        }
    }

    /** JIT and connection pools of every part, on every size, before anything is kept. */
    private void warmUp(Map<Integer, Operation> pipeline, Map<Integer, Operation> s3) throws InterruptedException {
        int concurrency = Math.min(16, plan.maxConcurrency());
        long seconds = plan.initialWarmup().toSeconds() * 2 * plan.payloadSizes().size();
        progress.printf("warming up for %d s%n", seconds);
        for (int size : plan.payloadSizes()) {
            closedLoop.run(pipeline.get(size), concurrency, plan.initialWarmup(), Duration.ofMillis(1), DRAIN);
            closedLoop.run(s3.get(size), concurrency, plan.initialWarmup(), Duration.ofMillis(1), DRAIN);
        }
    }

    /** The bulk paths' own code briefly (no echo; the batch endpoint unless {@code batch} is null). */
    private void warmUpBulk(Map<Integer, Operation> minimal, Operation batch, Operation s3Batch)
            throws InterruptedException {
        int concurrency = Math.min(16, plan.maxConcurrency());
        for (int size : plan.payloadSizes()) {
            if (size >= MINIMAL_FROM_BYTES) {
                closedLoop.run(minimal.get(size), concurrency, plan.initialWarmup(), Duration.ofMillis(1), DRAIN);
            }
        }
        if (batch != null) {
            closedLoop.run(batch, 2, plan.initialWarmup(), Duration.ofMillis(1), DRAIN);
            closedLoop.run(s3Batch, 2, plan.initialWarmup(), Duration.ofMillis(1), DRAIN);
        }
    }

    /** Batches in flight: a quarter of each concurrency (a batch carries 20 requests), at least one. */
    private List<Integer> batchConcurrencies() {
        return plan.concurrencies().stream().map(c -> Math.max(1, c / 4)).distinct().sorted().toList();
    }

    /**
     * A batch takes hundreds of milliseconds (seconds on a cold machine), so its slices are at least
     * {@link #BATCH_SLICE} long, after at least {@link #BATCH_WARMUP}: a short plan's one-second slice could
     * otherwise close before a single batch completed.
     */
    private void measureBatches(int batches, Operation batch, Operation s3Batch) throws InterruptedException {
        Duration warmup = max(plan.warmup(), BATCH_WARMUP);
        Duration slice = max(plan.slice(), BATCH_SLICE);
        List<LoadResult> results = profiled("batch-c" + batches, List.of(
                () -> closedLoop.run(batch, batches, warmup, slice, DRAIN),
                () -> closedLoop.run(s3Batch, batches, warmup, slice, DRAIN)));
        int bytes = Target.BATCH_ITEMS * Target.BATCH_ITEM_BYTES;
        keep(Target.PIPELINE_BATCH, Loop.CLOSED, bytes, batches, 0, results.get(0));
        keep(Target.RAW_S3_BATCH, Loop.CLOSED, bytes, batches, 0, results.get(1));
    }

    /**
     * Upload sessions against raw S3 multipart uploads of the same bytes, interleaved; the pipeline's slices watched
     * for ingest-api's memory as the plain cells are.
     */
    private void measureSessions(int sessions, Operation session, Operation s3Multipart)
            throws InterruptedException {
        Duration warmup = max(plan.warmup(), BATCH_WARMUP);
        Duration slice = max(plan.slice(), SESSION_SLICE);
        List<LoadResult> results = profiled("session-c" + sessions, List.of(
                () -> measureWithMemory(Target.SESSION_BYTES, sessions, session, warmup, slice),
                () -> closedLoop.run(s3Multipart, sessions, warmup, slice, DRAIN)));
        keep(Target.PIPELINE_SESSION, Loop.CLOSED, Target.SESSION_BYTES, sessions, 0, results.get(0));
        keep(Target.RAW_S3_MULTIPART, Loop.CLOSED, Target.SESSION_BYTES, sessions, 0, results.get(1));
    }

    private void measureRawKafka() throws InterruptedException {
        byte[] record = CommandSizedRecord.value();
        Operation roundTrip = rawKafka.roundTrip(record);
        for (int concurrency : plan.concurrencies()) {
            LoadResult result = closedLoop.run(roundTrip, concurrency, plan.warmup(), plan.slice(), DRAIN);
            keep(Target.RAW_KAFKA, Loop.CLOSED, record.length, concurrency, 0, result);
        }
    }

    /** @param minimal the same upload with {@code return=minimal}, or null where the cell does not measure it */
    private void measureCell(int size, int concurrency, Operation pipeline, Operation minimal, Operation s3)
            throws InterruptedException {
        List<Slice> slices = new ArrayList<>();
        slices.add(() -> measurePipelineSlice(size, concurrency, pipeline));
        slices.add(() -> closedLoop.run(s3, concurrency, plan.warmup(), plan.slice(), DRAIN));
        if (minimal != null) {
            slices.add(() -> closedLoop.run(minimal, concurrency, plan.warmup(), plan.slice(), DRAIN));
        }
        List<LoadResult> results = profiled(PayloadSizes.label(size) + "-c" + concurrency, slices);
        keep(Target.PIPELINE, Loop.CLOSED, size, concurrency, 0, results.get(0));
        keep(Target.RAW_S3, Loop.CLOSED, size, concurrency, 0, results.get(1));
        if (minimal != null) {
            keep(Target.PIPELINE_MINIMAL, Loop.CLOSED, size, concurrency, 0, results.get(2));
        }
    }

    /** {@link #interleave}, with flame graphs of the cell when profiling. */
    private List<LoadResult> profiled(String cellName, List<Slice> slices) throws InterruptedException {
        return profiles == null ? interleave(slices) : profiles.profile(cellName, () -> interleave(slices));
    }

    /**
     * The rounds of a cell: each round starts with the next target in turn (pipeline first in the first round, raw
     * S3 in the second…), so drift hits them all alike. Results in the order of {@code slices}.
     */
    private List<LoadResult> interleave(List<Slice> slices) throws InterruptedException {
        LoadResult[] results = new LoadResult[slices.size()];
        for (int round = 0; round < plan.rounds(); round++) {
            for (int turn = 0; turn < slices.size(); turn++) {
                int which = (round + turn) % slices.size();
                LoadResult slice = slices.get(which).run();
                results[which] = results[which] == null ? slice : results[which].plus(slice);
            }
        }
        return List.of(results);
    }

    @FunctionalInterface
    private interface Slice {
        LoadResult run() throws InterruptedException;
    }

    private record Cell(int payloadBytes, int concurrency) {
    }

    private LoadResult measurePipelineSlice(int size, int concurrency, Operation pipeline)
            throws InterruptedException {
        return measureWithMemory(size, concurrency, pipeline, plan.warmup(), plan.slice());
    }

    private LoadResult measureWithMemory(int size, int concurrency, Operation pipeline, Duration warmup,
            Duration slice) throws InterruptedException {
        if (memoryProbe == null) {
            return closedLoop.run(pipeline, concurrency, warmup, slice, DRAIN);
        }
        MemoryObserver observer = new MemoryObserver();
        LoadResult result = closedLoop.run(pipeline, concurrency, warmup, slice, DRAIN, observer);
        MemoryUse use = observer.close(size, concurrency, result.operations() * size);
        if (use != null) {
            memory.merge(new Cell(size, concurrency), use, Benchmark::combine);
        }
        return result;
    }

    private void measureOpenLoop(int size, Operation pipeline, Operation s3) throws InterruptedException {
        int cap = plan.maxConcurrency();
        double capacity = measurements.stream()
                .filter(m -> m.target() == Target.PIPELINE && m.loop() == Loop.CLOSED
                        && m.payloadBytes() == size && m.concurrency() == cap)
                .mapToDouble(Measurement::operationsPerSecond).findFirst().orElse(0);
        if (capacity <= 0) {
            return;
        }
        double rate = capacity * plan.openLoadFraction();
        List<LoadResult> results = interleave(List.of(
                () -> openLoop.run(pipeline, rate, cap, plan.warmup(), plan.slice(), DRAIN),
                () -> openLoop.run(s3, rate, cap, plan.warmup(), plan.slice(), DRAIN)));
        keep(Target.PIPELINE, Loop.OPEN, size, cap, rate, results.get(0));
        keep(Target.RAW_S3, Loop.OPEN, size, cap, rate, results.get(1));
    }

    private void keep(Target target, Loop loop, int size, int concurrency, double offered, LoadResult result) {
        Histogram latencies = result.latencies();
        Latency latency = new Latency(millis(latencies.getValueAtPercentile(50)),
                millis(latencies.getValueAtPercentile(95)), millis(latencies.getValueAtPercentile(99)),
                millis(latencies.getMaxValue()), latencies.getTotalCount() == 0 ? 0 : latencies.getMean() / 1e6);
        long generatorCpu = result.cpuNanos().getOrDefault(CpuMeter.LOAD_GENERATOR, 0L);
        double cpuShare = result.windowNanos() == 0 ? 0
                : (double) generatorCpu / result.windowNanos() / Runtime.getRuntime().availableProcessors();
        Map<String, Double> cpuPerOperation = new LinkedHashMap<>();
        if (result.operations() > 0) {
            result.cpuNanos().forEach((process, nanos) ->
                    cpuPerOperation.put(process, nanos / 1e6 / result.operations()));
        }
        Measurement measurement = new Measurement(target, loop, size, concurrency, offered, result.operations(),
                result.errors(), result.windowNanos() / 1e9, latency, cpuShare, cpuPerOperation);
        measurements.add(measurement);
        progress.println(describe(measurement));
    }

    private static String describe(Measurement m) {
        String cpu = m.cpuMillisPerOperation().entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%-9s %-6s %13s c%-3d %9.1f op/s %8.1f MiB/s  p50 %7.1f  p95 %7.1f"
                        + "  p99 %7.1f  max %7.1f ms  errors %d  cpu ms/op: %s",
                m.target().name().toLowerCase(Locale.ROOT), m.loop().name().toLowerCase(Locale.ROOT),
                PayloadSizes.label(m.payloadBytes()), m.concurrency(), m.operationsPerSecond(), m.mebibytesPerSecond(),
                m.latency().p50(), m.latency().p95(), m.latency().p99(), m.latency().max(), m.errors(), cpu);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static MemoryUse combine(MemoryUse a, MemoryUse b) {
        return new MemoryUse(a.payloadBytes(), a.concurrency(), Math.max(a.peakHeapBytes(), b.peakHeapBytes()),
                Math.max(a.heapAfterGcBytes(), b.heapAfterGcBytes()), Math.max(a.peakRssBytes(), b.peakRssBytes()),
                a.allocatedBytes() + b.allocatedBytes(), a.contentBytes() + b.contentBytes());
    }

    private JvmProcessProbe attachToIngestApi() {
        if (deployment.ingestApiPid().isEmpty()) {
            progress.println("ingest-api's process is not on this machine: its memory is not measured");
            return null;
        }
        try {
            return JvmProcessProbe.attach(deployment.ingestApiPid().getAsLong());
        } catch (Exception e) {
            progress.println("cannot observe ingest-api's memory (" + e.getMessage() + "): not measured");
            return null;
        }
    }

    /**
     * Observes ingest-api's memory over exactly the load's window: the counters are read when it closes, the content
     * uploaded in it (known once the loop has drained) is filled in after.
     */
    private final class MemoryObserver implements WindowObserver {

        private MemoryWindow window;
        private MemoryUse use;

        @Override
        public void opened() {
            try {
                window = memoryProbe.openWindow();
            } catch (Exception e) {
                progress.println("memory window not opened: " + e.getMessage());
            }
        }

        @Override
        public void closed() {
            if (window != null) {
                try {
                    use = window.close(0, 0, 0);
                } catch (Exception e) {
                    progress.println("memory window not read: " + e.getMessage());
                }
            }
        }

        MemoryUse close(int size, int concurrency, long contentBytes) {
            return use == null ? null : new MemoryUse(size, concurrency, use.peakHeapBytes(), use.heapAfterGcBytes(),
                    use.peakRssBytes(), use.allocatedBytes(), contentBytes);
        }
    }

    /**
     * Deletes what the run wrote in a deployment it did not start (events with their attachments, raw objects); an
     * embedded stack is thrown away whole, where deleting tens of thousands of objects one by one would take
     * minutes. The round-trip topic goes either way.
     */
    @Override
    public void close() throws Exception {
        Exception failure = null;
        if (!deployment.disposable()) {
            for (String eventId : eventIds) {
                try {
                    graph.deleteEvent(eventId);
                } catch (Exception e) {
                    failure = e;
                }
            }
            failure = close(rawS3, failure);
        }
        failure = close(rawKafka, failure);
        failure = close(memoryProbe, failure);
        driver.shutdownNow();
        if (failure != null) {
            throw failure;
        }
    }

    private static Exception close(AutoCloseable part, Exception failure) {
        try {
            if (part != null) {
                part.close();
            }
            return failure;
        } catch (Exception e) {
            return e;
        }
    }
}
