package dev.attache.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import picocli.CommandLine;

/** Options that make no plan are refused as a usage error before anything is started. */
class BenchCommandTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "--sizes|0|positive",
            "--concurrency|4,0|positive",
            "--rounds|0|rounds",
            "--slice|PT0S|slice",
            "--warmup|PT-1S|warm-up",
            "--open-load|2|open-loop load fraction",
    })
    void aPlanThatCannotRunIsAUsageError(String option, String value, String message) {
        String[] args = {option, value};
        StringWriter err = new StringWriter();

        int exit = new CommandLine(new BenchCommand(List.of(args))).setErr(new PrintWriter(err, true)).execute(args);

        assertThat(exit).as(err.toString()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains(message).contains("Usage:");
    }

    @Test
    void profileEventsAreSpelledAsAsyncProfilerNamesThem() {
        for (String event : List.of("cpu", "itimer", "alloc")) {
            BenchCommand command = new BenchCommand(List.of("--profile", event));
            new CommandLine(command).parseArgs("--profile", event);

            assertThat(command.profile.label()).isEqualTo(event);
        }
    }
}
