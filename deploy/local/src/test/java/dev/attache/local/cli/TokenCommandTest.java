package dev.attache.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code attache token} prints exactly one token line, so {@code $(./attache token)} works in a shell. */
class TokenCommandTest {

    @TempDir
    Path dataDir;

    @Test
    void printsOnlyTheToken() {
        StringWriter out = new StringWriter();
        int exit = run(out, "token", "--data-dir", dataDir.toString(), "--app", "--roles", "Calendars.Read");

        assertThat(exit).isZero();
        assertThat(out.toString().lines().toList()).singleElement()
                .satisfies(token -> assertThat(token.split("\\.")).hasSize(3));
        assertThat(dataDir.resolve("jwt/public.pem")).exists();
    }

    @Test
    void refusesScopesOnAnAppToken() {
        assertThat(run(new StringWriter(), "token", "--data-dir", dataDir.toString(), "--app", "--scopes", "x"))
                .isEqualTo(CommandLine.ExitCode.USAGE);
    }

    private static int run(StringWriter out, String... args) {
        CommandLine cli = AttacheCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        return cli.execute(args);
    }
}
