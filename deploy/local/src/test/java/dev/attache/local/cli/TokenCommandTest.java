package dev.attache.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
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
    void anotherUserGetsANameOfItsOwnUnlessOneIsGiven() {
        assertThat(claims("token", "--data-dir", dataDir.toString())).contains("\"upn\":\"dev@attache.local\"");
        assertThat(claims("token", "--data-dir", dataDir.toString(), "--user", "u-2"))
                .contains("\"oid\":\"u-2\"").contains("\"upn\":\"u-2@attache.local\"");
        assertThat(claims("token", "--data-dir", dataDir.toString(), "--user", "u-2", "--upn", "ann@contoso.com"))
                .contains("\"upn\":\"ann@contoso.com\"");
    }

    @Test
    void refusesScopesOnAnAppToken() {
        assertThat(run(new StringWriter(), "token", "--data-dir", dataDir.toString(), "--app", "--scopes", "x"))
                .isEqualTo(CommandLine.ExitCode.USAGE);
    }

    /** The claims of the token the command prints, as JSON. */
    private static String claims(String... args) {
        StringWriter out = new StringWriter();
        assertThat(run(out, args)).isZero();
        String payload = out.toString().trim().split("\\.")[1];
        return new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
    }

    private static int run(StringWriter out, String... args) {
        CommandLine cli = AttacheCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        return cli.execute(args);
    }
}
