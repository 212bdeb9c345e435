package dev.attache.local.stack;

import java.nio.file.Path;

/** Where the local stack keeps its state, all under one data directory so deleting it resets everything. */
public record StackLayout(Path dataDir) {

    public StackLayout {
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    public Path kafka() {
        return dataDir.resolve("kafka");
    }

    public Path s3() {
        return dataDir.resolve("s3");
    }

    /** The dev identity's signing keys ({@code private.pem}, {@code public.pem}). */
    public Path jwt() {
        return dataDir.resolve("jwt");
    }

    /** The keys ingest-api signs its calls to the processor with, and their key set ({@code ServiceKeys}). */
    public Path serviceJwt() {
        return dataDir.resolve("service-jwt");
    }

    /**
     * The key the processor signs audit checkpoints with ({@code private.pem}, Ed25519) and its public half
     * ({@code public.pem}), which {@code attache audit} verifies them against.
     */
    public Path auditSigning() {
        return dataDir.resolve("audit-signing");
    }

    /** Generated dev secrets: the Kafka users' passwords ({@code KafkaCredentials}). */
    public Path secrets() {
        return dataDir.resolve("secrets");
    }

    /** Where a running {@code up} says what it started (the ready file's content), for the other commands. */
    public Path stackFile() {
        return dataDir.resolve("stack.properties");
    }

    public Path logs() {
        return dataDir.resolve("logs");
    }

    /** Kafka Streams' local state (RocksDB stores) of the processor. */
    public Path processorState() {
        return dataDir.resolve("processor-state");
    }

    /** The embedded Kafka broker's and S3 server's log. */
    public Path stackLog() {
        return logs().resolve("stack.log");
    }

    public Path appLog(Service app) {
        return logs().resolve(app.cliName() + ".log");
    }
}
