package dev.attache.local.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor of {@code up}'s apps, on a real child JVM that keeps dying. */
class ChildAppsTest {

    @TempDir
    Path dir;

    /** A jar whose main is {@link ExitingApp}, found through its manifest's class path (this module's test classes). */
    Path exitingAppJar() throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, ExitingApp.class.getName());
        Path classes = Path.of(ExitingApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classes.toUri().toString());
        Path jar = dir.resolve("exiting-app.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // the manifest is the whole jar
        }
        return jar;
    }

    @Test
    void anAppThatKeepsDyingIsRestartedWithBackOffThenEverythingStops() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        AtomicBoolean gaveUp = new AtomicBoolean();
        RestartPolicy quick = new RestartPolicy(3, Duration.ofMinutes(1), Duration.ofMillis(50), Duration.ofMillis(200));
        try (ChildApps apps = new ChildApps(quick, Duration.ofSeconds(30), new PrintStream(console, true,
                StandardCharsets.UTF_8), () -> gaveUp.set(true), Clock.systemUTC())) {
            apps.start(new AppLaunch("doomed", exitingAppJar(), 1, Map.of("EXIT_CODE", "7"), dir.resolve("doomed.log")));

            await().atMost(Duration.ofSeconds(60)).untilTrue(gaveUp);
        }

        String lines = console.toString(StandardCharsets.UTF_8);
        assertThat(lines.lines().filter(l -> l.contains("doomed exited with code 7; restarting it")).count())
                .as(lines).isEqualTo(3);
        assertThat(lines).contains("restarting it in 50 ms").contains("restarting it in 100 ms").contains("doomed exited with code 7, its 4th time in 1 min;"
                + " not restarting it: stopping everything");
        assertThat(dir.resolve("doomed.log.1")).as("the crashed run's log is kept").exists();
    }
}
