package dev.attache.bench.profile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;

/**
 * Profiles another JVM on this machine with async-profiler (its agent library comes in the
 * {@code tools.profiler:async-profiler} jar from Maven Central), loaded into the running process through the Attach
 * API: nothing has to be set when the process starts. Linux x64 only, as the jar's library is.
 */
public final class ProcessProfiler {

    /** What to sample: CPU (perf events, or the timer where those are not allowed) or allocation. */
    public enum Event {
        CPU("cpu", "interval=1ms"),
        ITIMER("itimer", "interval=1ms"),
        ALLOC("alloc", "alloc=512k");

        private final String label;
        private final String sampling;

        Event(String label, String sampling) {
            this.label = label;
            this.sampling = sampling;
        }

        public String label() {
            return label;
        }

        /** As the command line spells it ({@code --profile cpu}). */
        @Override
        public String toString() {
            return label;
        }
    }

    private static final String LIBRARY = "linux-x64/libasyncProfiler.so";

    private final Path library;
    private final Event event;

    private ProcessProfiler(Path library, Event event) {
        this.library = library;
        this.event = event;
    }

    /**
     * The profiler with its library copied out of the jar into {@code workDir}.
     *
     * @throws IOException on another platform than Linux x64, or when the library cannot be written
     */
    public static ProcessProfiler create(Event event, Path workDir) throws IOException {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new IOException("async-profiler's library here is for Linux x64, not " + os + " " + arch);
        }
        Files.createDirectories(workDir);
        Path library = workDir.resolve("libasyncProfiler.so");
        try (InputStream in = ProcessProfiler.class.getClassLoader().getResourceAsStream(LIBRARY)) {
            if (in == null) {
                throw new IOException(LIBRARY + " is not on the class path (the async-profiler jar)");
            }
            Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
        }
        return new ProcessProfiler(library, event);
    }

    /** Starts sampling in process {@code pid}. */
    public void start(long pid) throws IOException {
        command(pid, "start,event=" + event.label + "," + event.sampling);
    }

    /** Stops sampling in process {@code pid} and writes what it saw to {@code flameGraph} (HTML). */
    public void stop(long pid, Path flameGraph) throws IOException {
        Files.createDirectories(flameGraph.toAbsolutePath().getParent());
        command(pid, "stop,file=" + flameGraph.toAbsolutePath());
    }

    private void command(long pid, String arguments) throws IOException {
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(Long.toString(pid));
        } catch (AttachNotSupportedException e) {
            throw new IOException("cannot attach to JVM process " + pid + ": " + e.getMessage(), e);
        }
        try {
            vm.loadAgentPath(library.toString(), arguments);
        } catch (AgentLoadException | AgentInitializationException e) {
            throw new IOException("async-profiler refused '" + arguments + "' in process " + pid + ": "
                    + e.getMessage(), e);
        } finally {
            try {
                vm.detach();
            } catch (IOException ignored) {
                // detaching only closes our end; the outcome of the command above stands
            }
        }
    }
}
