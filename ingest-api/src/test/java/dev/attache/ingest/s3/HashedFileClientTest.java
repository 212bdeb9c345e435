package dev.attache.ingest.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.attache.ingest.support.PipelineStack;
import dev.attache.ingest.support.StackClients;
import io.minio.errors.ErrorResponseException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The one-hash PUT against the real S3 server: it stores what the hash says, and S3 refuses bytes that differ. */
@QuarkusTest
@QuarkusTestResource(PipelineStack.class)
class HashedFileClientTest {

    @Inject
    HashedFileClient client;

    @Inject
    S3Config config;

    @TempDir
    Path directory;

    @Test
    void storesTheFileUnderTheHashItWasMeasuredWith() throws Exception {
        byte[] content = new byte[300_000];
        new Random(6).nextBytes(content);
        Path file = Files.write(directory.resolve("content"), content);
        String key = "hashed-file-test/" + UUID.randomUUID();

        client.putFile(config.bucket(), config.region(), key, file, content.length, StackClients.sha256(content),
                Map.of("Content-Type", "application/octet-stream")).get();

        assertThat(StackClients.read(key)).isEqualTo(content);
    }

    @Test
    void s3RefusesBytesThatAreNotWhatWasHashed() throws Exception {
        byte[] content = new byte[70_000];
        new Random(7).nextBytes(content);
        Path file = Files.write(directory.resolve("changed"), content);
        String measured = StackClients.sha256(content);
        content[35_000] ^= 1; // the file changed on disk after it was measured
        Files.write(file, content);
        String key = "hashed-file-test/" + UUID.randomUUID();

        assertThatThrownBy(() -> client.putFile(config.bucket(), config.region(), key, file, content.length,
                measured, Map.of("Content-Type", "application/octet-stream")).get())
                .isInstanceOf(ExecutionException.class)
                .hasRootCauseInstanceOf(ErrorResponseException.class);
        assertThat(StackClients.objectKeys("hashed-file-test/")).doesNotContain(key);
    }
}
