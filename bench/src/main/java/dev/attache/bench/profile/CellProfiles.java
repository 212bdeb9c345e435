package dev.attache.bench.profile;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One flame graph per measured cell and profiled process: sampling starts in every process before the cell's first
 * slice and stops after its last, so a graph covers the pipeline's slices and the baseline's between them (during
 * which ingest-api and the processor idle). A process that cannot be profiled is reported and left out; the
 * measurement goes on.
 */
public final class CellProfiles {

    private final ProcessProfiler profiler;
    private final ProcessProfiler.Event event;
    private final Path directory;
    private final Map<String, Long> processes;
    private final PrintStream progress;

    /**
     * @param processes name → pid of the processes to profile
     * @param directory where the flame graphs go
     */
    public CellProfiles(ProcessProfiler profiler, ProcessProfiler.Event event, Path directory,
            Map<String, Long> processes, PrintStream progress) {
        this.profiler = profiler;
        this.event = event;
        this.directory = directory;
        this.processes = Map.copyOf(processes);
        this.progress = progress;
    }

    /** Runs {@code cell} with every process sampled; the graphs are named after {@code cellName}. */
    public <T> T profile(String cellName, ProfiledWork<T> cell) throws InterruptedException {
        Map<String, Long> started = new LinkedHashMap<>();
        processes.forEach((name, pid) -> {
            try {
                profiler.start(pid);
                started.put(name, pid);
            } catch (IOException e) {
                progress.println("not profiling " + name + ": " + e.getMessage());
            }
        });
        try {
            return cell.run();
        } finally {
            started.forEach((name, pid) -> {
                Path graph = directory.resolve(fileName(cellName, name));
                try {
                    profiler.stop(pid, graph);
                    progress.println("profile: " + graph);
                } catch (IOException e) {
                    progress.println("profile of " + name + " not written: " + e.getMessage());
                }
            });
        }
    }

    String fileName(String cellName, String process) {
        return (cellName + "-" + process + "-" + event.label()).replaceAll("[^A-Za-z0-9._-]+", "_") + ".html";
    }

    /** A cell's measuring. */
    @FunctionalInterface
    public interface ProfiledWork<T> {
        T run() throws InterruptedException;
    }
}
