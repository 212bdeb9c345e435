package dev.attache.bench.memory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** An {@link AllocatingChild} in a JVM of its own: attaching to the test's own JVM is not allowed by default. */
public final class ChildJvm implements AutoCloseable {

    private static final Duration ANSWER_WAIT = Duration.ofSeconds(60);
    /** Stands for the end of the child's output in the queue of lines. */
    private static final String END = new String("end of output");

    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> otherLines = new ArrayList<>();

    private ChildJvm(Process process) {
        this.process = process;
        this.commands = process.outputWriter(StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readLines, "child-jvm-" + process.pid() + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the child and waits until its {@code main} runs, so attaching finds a fully started JVM. */
    public static ChildJvm start(String... jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", testClasses(), AllocatingChild.class.getName()));
        ChildJvm child = new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
        try {
            child.await("ready");
        } catch (AssertionError | InterruptedException e) {
            child.close();
            throw e;
        }
        return child;
    }

    // The child needs only its own class; the test class path may be a surefire manifest jar.
    private static String testClasses() {
        try {
            return Path.of(AllocatingChild.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    /** Sends a command and waits, bounded, for its answer. */
    public void tell(String command, String answer) throws IOException, InterruptedException {
        commands.write(command + "\n");
        commands.flush();
        await(answer);
    }

    private void await(String expected) throws InterruptedException {
        long deadline = System.nanoTime() + ANSWER_WAIT.toNanos();
        while (true) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null || line == END) {
                throw new AssertionError("child JVM " + pid() + " did not say \"" + expected + "\" within "
                        + ANSWER_WAIT + (line == null ? "" : " (its output ended)") + "; it said " + otherLines);
            }
            if (line.equals(expected)) {
                return;
            }
            otherLines.add(line);
        }
    }

    private void readLines() {
        try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lines.add(END);
        }
    }

    /** Kills it and waits, bounded, until it is gone. */
    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
