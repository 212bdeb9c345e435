package dev.attache.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The command line the report prints: as typed, to rerun, but never with a secret in it. */
class CommandLineTextTest {

    @Test
    void showsTheArgumentsAsTyped() {
        assertThat(CommandLineText.of(List.of("--sizes", "1024,65536", "--concurrency", "1,4", "--rounds", "1")))
                .isEqualTo("./attache bench --sizes 1024,65536 --concurrency 1,4 --rounds 1");
        assertThat(CommandLineText.of(List.of())).isEqualTo("./attache bench");
    }

    @Test
    void hidesTheValueAfterTokenAndS3SecretKey() {
        String text = CommandLineText.of(List.of("--url", "https://attache.example/v1.0", "--token", "eyJ.secret.jwt",
                "--s3-access-key", "bench", "--s3-secret-key", "s3cr3t", "--quick"));

        assertThat(text).isEqualTo("./attache bench --url https://attache.example/v1.0 --token … --s3-access-key bench"
                + " --s3-secret-key … --quick");
        assertThat(text).doesNotContain("eyJ.secret.jwt").doesNotContain("s3cr3t");
    }

    @Test
    void hidesTheValueOfSecretsGivenWithAnEqualsSign() {
        String text = CommandLineText.of(List.of("--token=eyJ.secret=.jwt", "--s3-secret-key=s3=cr3t", "--bucket=b1"));

        assertThat(text).isEqualTo("./attache bench --token=… --s3-secret-key=… --bucket=b1");
    }

    /** Only the value right after the option is a secret; what follows it is shown again. */
    @Test
    void hidesOnlyOneValueAfterASecretOption() {
        assertThat(CommandLineText.of(List.of("--token", "t0k3n", "--partitions", "3")))
                .isEqualTo("./attache bench --token … --partitions 3");
        assertThat(CommandLineText.of(List.of("--quick", "--token"))).isEqualTo("./attache bench --quick --token");
    }

    @Test
    void quotesArgumentsAShellWouldSplitOrExpand() {
        assertThat(CommandLineText.of(List.of("--docs", "/tmp/my docs/benchmarks.md", "--results", "it's")))
                .isEqualTo("./attache bench --docs '/tmp/my docs/benchmarks.md' --results 'it'\\''s'");
        assertThat(CommandLineText.of(List.of("--sizes", "")))
                .isEqualTo("./attache bench --sizes ''");
    }
}
