package dev.attache.bench.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attache.bench.result.MemoryUse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Attaches to a child JVM that allocates known amounts, and checks what the probe reports. */
class JvmProcessProbeTest {

    private static final long MIB = 1024 * 1024;
    private static final long TOTAL = 200 * MIB;
    private static final long LIVE = 64 * MIB;
    private static final long MAX_HEAP = 512 * MIB;
    private static final String ALLOCATE = "allocate " + TOTAL + " " + LIVE;

    private static ChildJvm child;
    private static JvmProcessProbe probe;

    @BeforeAll
    static void attachToAChild() throws Exception {
        child = ChildJvm.start("-Xmx" + MAX_HEAP / MIB + "m");
        probe = JvmProcessProbe.attach(child.pid());
    }

    @AfterAll
    static void detach() throws Exception {
        try {
            if (probe != null) {
                probe.close();
            }
        } finally {
            if (child != null) {
                child.close();
            }
        }
    }

    /** Each test starts from a small heap, whatever ran before it. */
    @BeforeEach
    void releaseWhatTheChildHolds() throws Exception {
        child.tell("release", "released");
    }

    @Test
    void measuresAllocationPeakHeapAndResidentSet() throws Exception {
        MemoryWindow window = probe.openWindow();
        child.tell(ALLOCATE, "allocated");
        MemoryUse use = window.close(3 * 1024 * 1024, 64, TOTAL);
        long peakResidentSinceStart = childStatus().peakResidentBytes();

        assertThat(use.payloadBytes()).isEqualTo(3 * 1024 * 1024);
        assertThat(use.concurrency()).isEqualTo(64);
        assertThat(use.contentBytes()).isEqualTo(TOTAL);
        // the probe's own JMX traffic allocates in the child too, a few KiB a sample
        assertThat(use.allocatedBytes()).isBetween(TOTAL, TOTAL + 32 * MIB);
        assertThat(use.allocatedPerContentByte()).isBetween(1.0, 1.2);
        assertThat(use.peakHeapBytes()).isBetween(LIVE, MAX_HEAP);
        assertThat(use.heapAfterGcBytes()).isBetween(0L, use.peakHeapBytes());
        // the live arrays were written (zeroed), so they were resident; no RSS sample can exceed the kernel's mark
        assertThat(use.peakRssBytes()).isBetween(LIVE, peakResidentSinceStart);
    }

    @Test
    void thePeakHeapComesFromTheCollectionsWhenNoSampleSeesIt() throws Exception {
        assertThat(probe.heapUsed()).as("heap in use before the window").isLessThan(LIVE);
        // samples only when it opens and closes, both while the heap is small
        MemoryWindow window = probe.openWindow(Duration.ofHours(1));
        child.tell(ALLOCATE, "allocated");
        child.tell("release", "released");
        MemoryUse use = window.close(256 * 1024, 1, TOTAL);

        assertThat(use.peakHeapBytes()).isBetween(LIVE, MAX_HEAP);
        // the release ended with a full collection that found next to nothing live
        assertThat(use.heapAfterGcBytes()).isLessThan(LIVE / 2);
        assertThat(use.allocatedBytes()).isBetween(TOTAL, TOTAL + 32 * MIB);
    }

    @Test
    void opensOneWindowAtATime() throws Exception {
        MemoryWindow first = probe.openWindow();
        try {
            assertThatThrownBy(probe::openWindow)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(Long.toString(child.pid()));
        } finally {
            first.close();
        }

        MemoryWindow second = probe.openWindow();
        MemoryUse use = second.close(1, 1, 0);

        assertThat(use.allocatedPerContentByte()).isZero();
        assertThatThrownBy(() -> second.close(1, 1, 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aWindowOnAJvmThatExitsEndsInAnError() throws Exception {
        ChildJvm doomed = ChildJvm.start("-Xmx64m");
        try (JvmProcessProbe doomedProbe = JvmProcessProbe.attach(doomed.pid())) {
            MemoryWindow window = doomedProbe.openWindow();
            doomed.close();

            assertThatThrownBy(() -> window.close(1, 1, 0))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("JVM process " + doomed.pid());
        } finally {
            doomed.close();
        }
    }

    @Test
    void attachingToAProcessThatIsGoneSaysSo() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertThat(gone.waitFor()).isZero();

        assertThatThrownBy(() -> JvmProcessProbe.attach(gone.pid()))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot attach to JVM process " + gone.pid() + ": no such process");
    }

    @Test
    void attachingToThisJvmIsRefusedWithoutAllowAttachSelf() {
        long self = ProcessHandle.current().pid();

        assertThatThrownBy(() -> JvmProcessProbe.attach(self))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot attach to JVM process " + self);
    }

    private static ProcStatus childStatus() throws IOException {
        return ProcStatus.parse(Files.readString(Path.of("/proc", Long.toString(child.pid()), "status")));
    }
}
