package dev.attache.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MachineFactsTest {

    /** Two of the processors of an x86 /proc/cpuinfo, abridged; every processor repeats the model. */
    static final String X86 = """
            processor\t: 0
            vendor_id\t: GenuineIntel
            cpu family\t: 6
            model\t\t: 85
            model name\t: Intel(R) Xeon(R) Platinum 8259CL CPU @ 2.50GHz
            stepping\t: 7

            processor\t: 1
            vendor_id\t: GenuineIntel
            model name\t: Intel(R) Xeon(R) Platinum 8259CL CPU @ 2.50GHz
            """;

    /** Many ARM kernels name no model at all. */
    static final String ARM = """
            processor\t: 0
            BogoMIPS\t: 243.75
            Features\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid
            CPU implementer\t: 0x41
            CPU part\t: 0xd0c
            """;

    @Test
    void readsTheFirstModelName() {
        assertThat(MachineFacts.cpuModel(X86)).contains("Intel(R) Xeon(R) Platinum 8259CL CPU @ 2.50GHz");
    }

    @Test
    void takesTheFirstOfDifferentModels() {
        assertThat(MachineFacts.cpuModel("model name\t: AMD EPYC 7R13 Processor\nmodel name\t: Other\n"))
                .contains("AMD EPYC 7R13 Processor");
    }

    @Test
    void answersNothingWithoutAModelName() {
        assertThat(MachineFacts.cpuModel(ARM)).isEmpty();
        assertThat(MachineFacts.cpuModel("")).isEmpty();
    }

    /** "model" alone is the model number, not its name. */
    @Test
    void doesNotTakeTheModelNumberForTheName() {
        assertThat(MachineFacts.cpuModel("model\t\t: 85\n")).isEmpty();
    }

    @Test
    void theMachineHereHasAModelAndCores() {
        var machine = MachineFacts.here();
        assertThat(machine.cpuModel()).isNotBlank();
        assertThat(machine.cpus()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(machine.memoryBytes()).isPositive();
    }
}
