package dev.attache.bench.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcStatusTest {

    private static final String JVM_STATUS = """
            Name:	java
            Umask:	0022
            State:	S (sleeping)
            Tgid:	17826
            Pid:	17826
            VmPeak:	 3176980 kB
            VmSize:	 3120092 kB
            VmLck:	       0 kB
            VmPin:	       0 kB
            VmHWM:	  175284 kB
            VmRSS:	   59636 kB
            RssAnon:	   41208 kB
            RssFile:	   18428 kB
            VmData:	  499712 kB
            VmSwap:	       0 kB
            Threads:	19
            """;

    @Test
    void readsResidentAndPeakResidentInBytes() {
        ProcStatus status = ProcStatus.parse(JVM_STATUS);

        assertThat(status.residentBytes()).isEqualTo(59_636L * 1024);
        assertThat(status.peakResidentBytes()).isEqualTo(175_284L * 1024);
    }

    @Test
    void aProcessWithoutMemoryLinesIsAnError() {
        String zombie = """
                Name:	java
                State:	Z (zombie)
                Pid:	17826
                Threads:	1
                """;

        assertThatThrownBy(() -> ProcStatus.parse(zombie))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VmRSS");
    }

    @Test
    void anUnknownUnitIsAnError() {
        assertThatThrownBy(() -> ProcStatus.parse("VmHWM:\t1 kB\nVmRSS:\t1 MB\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VmRSS:\t1 MB");
    }

    @Test
    void readsTheStatusOfThisProcess() throws Exception {
        ProcStatus status = ProcStatus.parse(Files.readString(Path.of("/proc/self/status")));

        assertThat(status.residentBytes()).isPositive();
        assertThat(status.peakResidentBytes()).isGreaterThanOrEqualTo(status.residentBytes());
    }
}
