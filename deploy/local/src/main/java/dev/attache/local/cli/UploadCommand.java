package dev.attache.local.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.attache.local.jwt.SigningKeys;
import dev.attache.local.jwt.TokenMinter;
import dev.attache.local.jwt.TokenRequest;
import dev.attache.local.stack.ReadyFile;
import dev.attache.local.upload.FileUpload;
import dev.attache.local.upload.UploadClient;
import dev.attache.local.upload.UploadKeys;
import dev.attache.schemas.kafka.ContractJson;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code attache upload}: adds files to an event as attachments, several at once, through any deployment. Every
 * create carries an {@code Idempotency-Key} derived from what it creates, so running the same command again after a
 * crash creates nothing twice, and resumes an upload session where the service says it is.
 */
@Command(name = "upload", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Add files to an event as attachments: a POST below 3 MB, an upload session above.",
                "Run it again after a failure: nothing is added twice, and interrupted sessions resume."})
final class UploadCommand implements Callable<Integer> {

    private static final int MIB = 1024 * 1024;

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption dataDir;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--event", paramLabel = "ID", description = "The event to attach to.")
        String event;

        @Option(names = "--new-event", paramLabel = "SUBJECT",
                description = "Create an event with this subject first (the same one again on a re-run of the day).")
        String newEvent;
    }

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "The files to upload.")
    List<Path> files;

    @Option(names = "--url", paramLabel = "URL",
            description = "The service (default: the ingest-api `up` runs for the data dir, else "
                    + "http://localhost:8080).")
    URI url;

    @Option(names = "--token", paramLabel = "JWT",
            description = "Bearer token (default: a dev token of the data dir's issuer, for the dev user).")
    String token;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
            description = "Files uploaded at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--slice-mib", paramLabel = "MIB", defaultValue = "8",
            description = "Upload-session slice size in MiB, 1 to 10 (default: ${DEFAULT-VALUE}).")
    int sliceMib;

    @Option(names = "--json", description = "One JSON line per file on stdout, no progress bar.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (parallel < 1 || sliceMib < 1 || sliceMib > 10) {
            throw new ParameterException(spec.commandLine(), "--parallel must be ≥ 1, --slice-mib 1 to 10");
        }
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new ParameterException(spec.commandLine(), "not a file: " + file);
            }
        }
        UploadClient client = new UploadClient(service(), token != null ? token : devToken());
        String eventId = target.event != null ? target.event : newEvent(client);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (target.newEvent != null && !json) {
            out.println("event " + eventId);
        }
        long total = 0;
        for (Path file : files) {
            total += Files.size(file);
        }
        FileUpload uploads = new FileUpload(client, (long) sliceMib * MIB);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, files.size()));
        int failed = 0;
        try (ProgressBar bar = progressBar(total, err)) {
            List<Future<FileUpload.Uploaded>> running = new ArrayList<>();
            for (Path file : files) {
                running.add(pool.submit(() -> uploads.upload(eventId, file, bar::stepBy)));
            }
            for (int i = 0; i < files.size(); i++) {
                try {
                    report(out, eventId, running.get(i).get());
                } catch (java.util.concurrent.ExecutionException e) {
                    failed++;
                    err.println(files.get(i) + ": not uploaded: " + e.getCause().getMessage());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    private void report(PrintWriter out, String eventId, FileUpload.Uploaded uploaded) throws Exception {
        if (json) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("file", uploaded.file().toString());
            line.put("eventId", eventId);
            line.put("attachmentId", uploaded.attachmentId());
            line.put("size", uploaded.size());
            line.put("sha256", uploaded.sha256());
            line.put("existing", uploaded.replayed());
            line.put("resumedFrom", uploaded.resumedFrom());
            out.println(ContractJson.MAPPER.writeValueAsString(line));
        } else {
            out.println(uploaded.attachmentId() + "  " + uploaded.file() + (uploaded.replayed() ? "  (existing"
                    + (uploaded.resumedFrom() > 0 ? ", resumed at byte " + uploaded.resumedFrom() : "") + ")" : ""));
        }
        out.flush();
    }

    /** Bytes, rate and ETA on a terminal; with --json or without one, a plain line now and then on stderr. */
    private ProgressBar progressBar(long total, PrintWriter err) {
        ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName("upload").setInitialMax(total)
                .setUnit(" MiB", MIB).showSpeed().setUpdateIntervalMillis(500);
        if (json || System.console() == null) {
            builder.setConsumer(new DelegatingProgressBarConsumer(line -> {
                err.println(line.strip());
                err.flush();
            })).setUpdateIntervalMillis(5_000).setStyle(ProgressBarStyle.ASCII);
        }
        return builder.build();
    }

    /** The event of a subject, created once a day: its key is the subject and the day's start. */
    private String newEvent(UploadClient client) throws Exception {
        LocalDate today = LocalDate.now(Clock.systemUTC());
        String start = today.atTime(9, 0).toString() + ":00";
        String end = today.atTime(10, 0).toString() + ":00";
        return client.createEvent(target.newEvent, start, end, UploadKeys.event(target.newEvent, start));
    }

    private URI service() throws Exception {
        if (url != null) {
            return url;
        }
        return URI.create(ReadyFile.read(dataDir.layout().stackFile(), ReadyFile.INGEST_URL)
                .orElse("http://localhost:8080"));
    }

    private String devToken() throws Exception {
        SigningKeys keys = SigningKeys.loadOrCreate(dataDir.layout().jwt());
        return new TokenMinter(keys.privateKey(), Clock.systemUTC()).mint(TokenRequest.delegatedDefaults());
    }
}
