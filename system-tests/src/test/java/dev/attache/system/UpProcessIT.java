package dev.attache.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

import dev.attache.local.jwt.SigningKeys;
import dev.attache.local.jwt.TokenMinter;
import dev.attache.local.jwt.TokenRequest;
import dev.attache.local.stack.StackLayout;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ./attache up} as a user runs it, a process of its own: stopped with SIGTERM and started again on the same
 * data directory it is ready and answers {@code 201} at once (no group member to wait out); killed with SIGKILL,
 * which runs no shutdown hook, it leaves no app behind.
 */
class UpProcessIT {

    static final Path FIGURES = Path.of("target", "up-figures.md");

    UpStack stack;
    Path dataDir;
    Process up;

    @BeforeEach
    void dataDir() throws Exception {
        stack = new UpStack();
        dataDir = stack.dataDir;
    }

    @AfterEach
    void cleanUp() throws Exception {
        stack.close();
    }

    /** Starts {@code up} on the data dir; answers the ready file's properties. */
    Properties start() throws Exception {
        Properties ready = stack.start();
        up = stack.up;
        return ready;
    }

    Pipeline pipeline(Properties ready) throws Exception {
        return stack.pipeline(ready);
    }

    @Test
    void aGracefulRestartIsReadyAtOnceAndTheFirstPostIsCreated() throws Exception {
        Pipeline before = pipeline(start());
        String event = before.createEvent().json().path("id").asText();
        assertThat(before.add(event, "before.txt").status()).isEqualTo(201);

        long stopping = System.nanoTime();
        up.destroy();
        assertThat(up.waitFor(90, TimeUnit.SECONDS)).isTrue();
        long stopped = System.nanoTime();
        long starting = System.nanoTime();
        Pipeline after = pipeline(start());
        long ready = System.nanoTime();
        Pipeline.Answer first = after.add(event, "after.txt");
        long answered = System.nanoTime();

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(after.list(event).orElseThrow()).extracting(a -> a[1])
                .containsExactlyInAnyOrder("before.txt", "after.txt");
        Files.writeString(FIGURES, String.format(Locale.ROOT, "graceful restart of the whole stack: stopped in %.1f s,"
                + " ready again in %.1f s, first POST 201 in %.2f s%n", (stopped - stopping) / 1e9,
                (ready - starting) / 1e9, (answered - ready) / 1e9), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Nothing of the stack is reachable from another host: every port it opened answers on loopback only. */
    @Test
    void everyPortBindsToLoopback() throws Exception {
        Properties ready = start();
        List<Integer> ports = Stream.of("kafka.bootstrap.servers", "s3.endpoint", "processor.url", "ingest.url")
                .map(ready::getProperty).map(address -> Integer.parseInt(address.replaceAll(".*:", "")
                        .replaceAll("/.*", ""))).toList();
        Optional<InetAddress> external = externalAddress();
        assumeTrue(external.isPresent(), "this machine has no interface but loopback");

        for (int port : ports) {
            connect(InetAddress.getLoopbackAddress(), port);
            assertThatThrownBy(() -> connect(external.get(), port)).as("port %d on %s", port, external.get())
                    .isInstanceOf(IOException.class);
        }
    }

    static void connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
        }
    }

    /** An IPv4 address of this machine that is not loopback, if it has one. */
    static Optional<InetAddress> externalAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }

    @Test
    void killingUpWithSigkillLeavesNoAppBehind() throws Exception {
        start();
        List<ProcessHandle> apps = up.toHandle().children().toList();
        assertThat(apps).as("processor and ingest-api").hasSize(2);

        up.destroyForcibly();
        long killed = System.nanoTime();

        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> apps.stream().noneMatch(ProcessHandle::isAlive));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // the data dir (and the apps' logs in it) goes after the test: say here what outlived up, and why
            throw new AssertionError("still alive 60 s after kill -9 of up: " + apps.stream()
                    .filter(ProcessHandle::isAlive).map(a -> a.pid() + " " + a.info().commandLine().orElse("?"))
                    .toList() + "\n" + logTails(), e);
        }
        Files.writeString(FIGURES, String.format(Locale.ROOT, "kill -9 of up: its %d apps gone %.1f s later%n",
                apps.size(), (System.nanoTime() - killed) / 1e9), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** The last lines of each app's log under the data dir. */
    private String logTails() {
        StringBuilder tails = new StringBuilder();
        try (Stream<Path> logs = Files.list(dataDir.resolve("logs"))) {
            for (Path log : logs.filter(p -> !p.getFileName().toString().equals("stack.log")).toList()) {
                List<String> lines = Files.readAllLines(log);
                tails.append("== ").append(log.getFileName()).append('\n')
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())))
                        .append('\n');
            }
        } catch (IOException e) {
            tails.append("(logs unreadable: ").append(e).append(')');
        }
        return tails.toString();
    }
}
