package dev.attache.ingest.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.attache.schemas.graph.GraphErrorCodes;
import dev.attache.ingest.error.GraphException;
import dev.attache.ingest.spool.FullDisk;
import dev.attache.ingest.spool.SpoolDirectory;

/**
 * When the spool's disk is full, whatever the body, the client is told to retry (503 with Retry-After: the fault is
 * the service's, not the request's) and the spool is left empty.
 */
class FullSpoolDiskTest {

    static final String FILE = "{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"a.bin\",\"contentBytes\":\"%s\"}";

    @TempDir
    Path base;

    SpoolDirectory spool;
    AttachmentBodyParser parser;

    @BeforeEach
    void onAFullDisk() {
        assumeTrue(Files.isWritable(FullDisk.DEV_FULL), "needs /dev/full (Linux)");
        spool = FullDisk.spool(base);
        parser = new AttachmentBodyParser(spool, new RequestLimits(4 * 1024 * 1024));
    }

    static String file(int bytes) {
        return FILE.formatted(Base64.getEncoder().encodeToString(new byte[bytes]));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // more than the write buffer: the disk refuses while the body is decoded
            "large file|",
            // all in the write buffer until the end: the disk refuses when the file is completed
            "small file|{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"a.bin\",\"contentBytes\":\"AQID\"}",
            // copied token by token, then flushed
            "item|{\"@odata.type\":\"#microsoft.graph.itemAttachment\",\"name\":\"i\",\"item\":{\"@odata.type\":\"microsoft.graph.event\",\"subject\":\"s\"}}",
            // no payload: the description is stored, written and flushed in one go
            "reference|{\"@odata.type\":\"#microsoft.graph.referenceAttachment\",\"name\":\"r\",\"sourceUrl\":\"https://contoso.com/x\"}",
    })
    void isAServiceErrorAndLeavesNothingSpooled(String label, String body) throws IOException {
        String json = body == null ? file(256 * 1024) : body;

        assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.status()).as("status for a %s", label).isEqualTo(503);
                    assertThat(e.code()).isEqualTo(GraphErrorCodes.SERVICE_UNAVAILABLE);
                });
        assertThat(spool.files()).as("spooled files left by a %s", label).isZero();
    }
}
