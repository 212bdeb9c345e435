package dev.attache.ingest.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Spool files outlive a process killed mid-request; the next process on the same disk removes them. */
class SpoolSweepTest {

    @TempDir
    Path base;

    @Test
    void directoriesOfDeadProcessesAreRemovedAndLiveOnesKept() throws Exception {
        Path dead = Files.createDirectory(base.resolve("ingest-dead"));
        Files.createFile(dead.resolve(SpoolDirectory.OWNER_LOCK));
        Files.write(dead.resolve("payload-1.bin"), new byte[] {1});
        Files.write(dead.resolve("payload-2.bin"), new byte[] {2});
        Path older = Files.createDirectory(base.resolve("ingest-older"));
        Files.write(older.resolve("payload-3.bin"), new byte[] {3});
        Path live = Files.createDirectory(base.resolve("ingest-live"));
        Files.write(live.resolve("payload-4.bin"), new byte[] {4});
        Path unrelated = Files.createDirectory(base.resolve("something-else"));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        try (FileChannel channel = FileChannel.open(live.resolve(SpoolDirectory.OWNER_LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = channel.lock()) {
            SpoolDirectory spool = new SpoolDirectory(base, registry);

            assertThat(dead).doesNotExist();
            assertThat(older).as("made before directories had locks: nobody can own it").doesNotExist();
            assertThat(live.resolve("payload-4.bin")).as("its owner holds the lock").exists();
            assertThat(unrelated).exists();
            assertThat(registry.get("attache.ingest.spool.files.swept").counter().count()).isEqualTo(3);
            assertThat(spool.files()).isZero();
            spool.removeAll();
        }
        assertThat(Files.list(base).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("ingest-live", "something-else");
    }
}
