package dev.attache.bench.cli;

import dev.attache.bench.floor.FloorProbe;
import dev.attache.bench.profile.CellProfiles;
import dev.attache.bench.profile.ProcessProfiler;
import dev.attache.bench.report.BenchmarkChart;
import dev.attache.bench.report.BenchmarksDoc;
import dev.attache.bench.report.MarkdownReport;
import dev.attache.bench.report.ResultJson;
import dev.attache.bench.result.BenchRun;
import dev.attache.bench.result.FloorCost;
import dev.attache.bench.result.Settings;
import dev.attache.bench.run.BenchPlan;
import dev.attache.bench.run.Benchmark;
import dev.attache.bench.run.MachineFacts;
import dev.attache.bench.stack.Deployment;
import dev.attache.bench.stack.EmbeddedStack;
import dev.attache.local.cli.AttacheHome;
import dev.attache.local.logging.StackLogging;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code attache bench}: measures the pipeline beside raw S3 and raw Kafka, writes the result and the report. */
@Command(name = "attache bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Measure POST …/attachments → 201 through the pipeline beside the same content PUT straight to S3 and a"
                    + " command-sized Kafka round trip, for several payload sizes and concurrencies.",
            "Without --url it starts the whole local stack on free ports in a temporary directory and removes it"
                    + " afterwards. Every run writes a JSON result and regenerates the results section of the"
                    + " benchmarks doc, its chart and the JSON beside it."})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "Fewer sizes, one short round: a first impression in about a minute.")
    boolean quick;

    @Option(names = "--sizes", split = ",", paramLabel = "BYTES",
            description = "Payload sizes in bytes, instead of the plan's (1024,65536,1048576,3144704).")
    List<Integer> sizes;

    @Option(names = "--concurrency", split = ",", paramLabel = "N",
            description = "Requests in flight, instead of the plan's (1,16,64).")
    List<Integer> concurrencies;

    @Option(names = "--initial-warmup", paramLabel = "DURATION",
            description = "Before measuring, per size, for the pipeline and raw S3 each, ISO-8601 (PT15S).")
    Duration initialWarmup;

    @Option(names = "--warmup", paramLabel = "DURATION", description = "Discarded per slice, ISO-8601 (PT3S).")
    Duration warmup;

    @Option(names = "--slice", paramLabel = "DURATION", description = "Measured per slice, ISO-8601 (PT6S).")
    Duration slice;

    @Option(names = "--rounds", paramLabel = "N", description = "Alternating slices per target and cell (2).")
    Integer rounds;

    @Option(names = "--open-load", paramLabel = "FRACTION",
            description = "Open-loop arrival rate as a fraction of the pipeline's closed-loop throughput (0.7).")
    Double openLoad;

    @Option(names = "--profile", paramLabel = "EVENT",
            description = "Also write a flame graph (async-profiler) of ingest-api and the processor for every "
                    + "measured cell, beside the result: ${COMPLETION-CANDIDATES}. Linux x64; local processes only.")
    ProcessProfiler.Event profile;

    @Option(names = "--no-bulk", description = "Leave out $batch and upload sessions: a shorter run for tuning the "
            + "plain POST.")
    boolean noBulk;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "6",
            description = "Partitions per topic of the embedded stack (default: ${DEFAULT-VALUE}).")
    int partitions;

    @ArgGroup(exclusive = false, heading = "%nAn existing deployment instead of the embedded stack:%n")
    RemoteDeployment remote;

    @Option(names = "--results", paramLabel = "DIR",
            description = "Where the JSON result goes (default: bench-results/ in the checkout).")
    Path results;

    @Option(names = "--docs", paramLabel = "FILE",
            description = "The benchmarks doc to regenerate (default: docs/benchmarks.md in the checkout).")
    Path docs;

    @Option(names = "--no-docs", description = "Write the JSON result only.")
    boolean noDocs;

    @Option(names = "--render", paramLabel = "RESULT",
            description = "Measure nothing: regenerate the doc and its chart from a JSON result of an earlier run.")
    Path render;

    private final List<String> args;

    public BenchCommand(List<String> args) {
        this.args = List.copyOf(args);
    }

    public static void main(String[] args) {
        StackLogging.disableLog4jShutdownHook();
        System.exit(new CommandLine(new BenchCommand(List.of(args))).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (render != null) {
            writeDocs(new ResultJson().read(render), System.out);
            return 0;
        }
        BenchPlan plan = plan();
        PrintStream out = System.out;
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ProcessProfiler profiler = profile == null ? null
                : ProcessProfiler.create(profile, resultsDir().resolve(".profiler"));
        BenchRun run;
        if (remote == null) {
            out.println("starting the embedded stack…");
            try (EmbeddedStack stack = EmbeddedStack.start(partitions)) {
                run = measure(stack.deployment(), plan, started, out, profiler);
            }
        } else {
            run = measure(remote.deployment(), plan, started, out, profiler);
        }
        Path resultsDir = resultsDir();
        Files.createDirectories(resultsDir);
        Path json = resultsDir.resolve("bench-" + started.toString().replace(":", "") + ".json");
        new ResultJson().write(run, json);
        out.println("result: " + json);
        if (!noDocs) {
            writeDocs(run, out);
        }
        long errors = run.measurements().stream().mapToLong(m -> m.errors()).sum();
        if (errors > 0) {
            spec.commandLine().getErr().println("attache bench: " + errors + " requests failed; see the result");
            return 3;
        }
        return 0;
    }

    private void writeDocs(BenchRun run, PrintStream out) throws java.io.IOException {
        Path doc = docs != null ? docs : AttacheHome.dir().resolve("docs").resolve("benchmarks.md");
        Files.createDirectories(doc.toAbsolutePath().getParent());
        Path chart = doc.resolveSibling(besideDoc(doc, ".png"));
        new BenchmarkChart().write(run, chart);
        // the result the page shows, beside it, so the figures in the doc can be traced to their source
        new ResultJson().write(run, doc.resolveSibling(besideDoc(doc, ".json")));
        new BenchmarksDoc().update(doc, MarkdownReport.render(run, chart.getFileName().toString()));
        out.println("report: " + doc + " (chart " + chart + ")");
    }

    private BenchRun measure(Deployment deployment, BenchPlan plan, Instant started, PrintStream out,
            ProcessProfiler profiler) throws Exception {
        out.println("measuring " + deployment.description());
        CellProfiles profiles = profiler == null ? null : new CellProfiles(profiler, profile,
                resultsDir().resolve("profiles-" + started.toString().replace(":", "")),
                profiled(deployment.processes()), out);
        try (Benchmark benchmark = new Benchmark(deployment, plan, out, profiles)) {
            out.println("measuring the floor: base64 decode, SHA-256 and a copy of each size with the JDK");
            List<FloorCost> floor = floorProbe(plan).measure(plan.payloadSizes());
            benchmark.run();
            Settings settings = new Settings(plan.quick(), remote == null ? "embedded" : deployment.graphBase()
                    .toString(), plan.payloadSizes(), plan.concurrencies(), seconds(plan.initialWarmup()),
                    seconds(plan.warmup()),
                    seconds(plan.slice()), plan.rounds(), plan.openLoadFraction());
            return new BenchRun(started.toString(), CommandLineText.of(args), MachineFacts.here(), settings,
                    benchmark.measurements(), benchmark.memory(), floor);
        }
    }

    private Path resultsDir() {
        return results != null ? results : AttacheHome.dir().resolve("bench-results");
    }

    /** ingest-api and the processor, where they run on this machine. */
    private static Map<String, Long> profiled(Map<String, Long> processes) {
        Map<String, Long> profiled = new LinkedHashMap<>();
        for (String name : List.of(Deployment.INGEST_API, Deployment.PROCESSOR)) {
            if (processes.containsKey(name)) {
                profiled.put(name, processes.get(name));
            }
        }
        return profiled;
    }

    /** Measured before any load, while the stack idles: a few seconds per size, warm-up first. */
    private static FloorProbe floorProbe(BenchPlan plan) {
        return plan.quick() ? new FloorProbe(Duration.ofMillis(500), Duration.ofMillis(500))
                : new FloorProbe(Duration.ofSeconds(2), Duration.ofSeconds(1));
    }

    private BenchPlan plan() {
        BenchPlan base = quick ? BenchPlan.quickRun() : BenchPlan.fullRun();
        List<Integer> planSizes = sizes != null ? sizes : base.payloadSizes();
        try {
            return new BenchPlan(base.quick(), planSizes,
                    concurrencies != null ? concurrencies : base.concurrencies(),
                    initialWarmup != null ? initialWarmup : base.initialWarmup(),
                    warmup != null ? warmup : base.warmup(),
                    slice != null ? slice : base.slice(),
                    rounds != null ? rounds : base.rounds(),
                    sizes != null ? planSizes.subList(planSizes.size() - 1, planSizes.size()) : base.openLoopSizes(),
                    openLoad != null ? openLoad : base.openLoadFraction(),
                    !noBulk);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static String besideDoc(Path doc, String extension) {
        String name = doc.getFileName().toString();
        return (name.endsWith(".md") ? name.substring(0, name.length() - 3) : name) + extension;
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    /** The options that point the benchmark at a deployment it did not start. */
    static final class RemoteDeployment {

        @Option(names = "--url", required = true, paramLabel = "URL",
                description = "The Graph API base of ingest-api, e.g. https://attache.example/v1.0.")
        URI url;

        @Option(names = "--token", required = true, paramLabel = "JWT", defaultValue = "${env:ATTACHE_BENCH_TOKEN}",
                description = "Bearer token with Calendars.ReadWrite (default: $ATTACHE_BENCH_TOKEN).")
        String token;

        @Option(names = "--s3-endpoint", required = true, paramLabel = "URL",
                description = "The S3 server ingest-api writes to.")
        URI s3Endpoint;

        @Option(names = "--s3-access-key", required = true, paramLabel = "KEY",
                defaultValue = "${env:ATTACHE_S3_ACCESS_KEY}", description = "(default: $ATTACHE_S3_ACCESS_KEY)")
        String s3AccessKey;

        @Option(names = "--s3-secret-key", required = true, paramLabel = "SECRET",
                defaultValue = "${env:ATTACHE_S3_SECRET_KEY}", description = "(default: $ATTACHE_S3_SECRET_KEY)")
        String s3SecretKey;

        @Option(names = "--s3-region", paramLabel = "REGION", defaultValue = "us-east-1")
        String s3Region;

        @Option(names = "--bucket", paramLabel = "NAME", defaultValue = "attache")
        String bucket;

        @Option(names = "--kafka-bootstrap", required = true, paramLabel = "HOST:PORT",
                description = "The Kafka cluster (for the raw Kafka baseline).")
        String kafkaBootstrap;

        @Option(names = "--kafka-security-protocol", paramLabel = "PROTOCOL", defaultValue = "SASL_PLAINTEXT",
                description = "(default: ${DEFAULT-VALUE}; SASL_SSL, or PLAINTEXT for a cluster without auth)")
        String kafkaSecurityProtocol;

        @Option(names = "--kafka-username", paramLabel = "USER", defaultValue = "attache-admin",
                description = "A SCRAM-SHA-512 user that may create and delete the baseline's own topic"
                        + " (default: ${DEFAULT-VALUE}).")
        String kafkaUsername;

        @Option(names = "--kafka-password", paramLabel = "PASSWORD",
                defaultValue = "${env:ATTACHE_BENCH_KAFKA_PASSWORD}", description = "Its password (default: $ATTACHE_BENCH_KAFKA_PASSWORD).")
        String kafkaPassword;

        @Option(names = "--ingest-api-pid", paramLabel = "PID",
                description = "ingest-api's process id, if it runs on this machine: its memory is measured.")
        Long ingestApiPid;

        Map<String, Object> kafkaClient() {
            Map<String, Object> client = new HashMap<>(Map.of("bootstrap.servers", kafkaBootstrap,
                    "security.protocol", kafkaSecurityProtocol));
            if (kafkaSecurityProtocol.startsWith("SASL")) {
                client.put("sasl.mechanism", "SCRAM-SHA-512");
                client.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"" + kafkaUsername + "\" password=\"" + kafkaPassword + "\";");
            }
            return client;
        }

        Deployment deployment() {
            return new Deployment(url.toString(), url, token, s3Endpoint, s3AccessKey, s3SecretKey, s3Region, bucket,
                    kafkaClient(), ingestApiPid == null ? Map.of() : Map.of(Deployment.INGEST_API, ingestApiPid),
                    false);
        }
    }
}
