package dev.attache.local.stack;

import dev.attache.local.kafka.KafkaClientConfig;
import dev.attache.schemas.kafka.KafkaAccess;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

/**
 * The properties file {@code up --ready-file} writes once everything asked for is ready: how test suites that
 * start the stack as a child process learn its (free, random) ports and credentials.
 *
 * <p>It appears atomically (written beside, then moved), so a reader that sees the file can read all of it.
 */
public final class ReadyFile {

    public static final String PROCESSOR_URL = "processor.url";
    public static final String INGEST_URL = "ingest.url";

    private ReadyFile() {
    }

    public static Properties properties(StackEndpoints stack) {
        Properties p = new Properties();
        if (stack.kafkaBootstrapServers() != null) {
            p.setProperty("kafka.bootstrap.servers", stack.kafkaBootstrapServers());
            p.setProperty("kafka.security.protocol", KafkaClientConfig.PROTOCOL);
            p.setProperty("kafka.sasl.mechanism", KafkaClientConfig.SCRAM);
            // dev only: the admin for tools (kcat, tests' checks), each app's own user for running an app by hand
            p.setProperty("kafka.admin.username", KafkaAccess.ADMIN);
            p.setProperty("kafka.admin.password", stack.kafkaCredentials().adminPassword());
            for (KafkaAccess app : KafkaAccess.apps()) {
                p.setProperty("kafka." + app.user() + ".password", stack.kafkaCredentials().password(app.user()));
            }
        }
        if (stack.s3Endpoint() != null) {
            p.setProperty("s3.endpoint", stack.s3Endpoint().toString());
            p.setProperty("s3.access-key", stack.s3Credentials().accessKey());
            p.setProperty("s3.secret-key", stack.s3Credentials().secretKey());
            p.setProperty("s3.bucket", stack.bucket());
            p.setProperty("s3.region", stack.region());
        }
        p.setProperty("jwt.issuer", stack.issuer());
        p.setProperty("jwt.public-key", stack.signingKeys().publicKeyFile().toString());
        p.setProperty("jwt.private-key", stack.signingKeys().privateKeyFile().toString());
        p.setProperty("service-token.private-key", stack.serviceKeys().pair().privateKeyFile().toString());
        p.setProperty("service-token.key-id", stack.serviceKeys().keyId());
        p.setProperty("service-token.jwks", stack.serviceKeys().jwksFile().toString());
        p.setProperty("audit.public-key", stack.auditKeys().publicKeyFile().toString());
        p.setProperty("audit.private-key", stack.auditKeys().privateKeyFile().toString());
        if (stack.processorUrl() != null) {
            p.setProperty(PROCESSOR_URL, stack.processorUrl());
        }
        if (stack.ingestUrl() != null) {
            p.setProperty(INGEST_URL, stack.ingestUrl());
        }
        return p;
    }

    /** A property of the stack file {@code up} keeps in a data dir, when it is running there. */
    public static Optional<String> read(Path file, String name) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties stack = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            stack.load(in);
        }
        return Optional.ofNullable(stack.getProperty(name));
    }

    public static void write(Path file, StackEndpoints stack) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        // it holds the dev passwords: for its owner only, from its creation
        if (Files.getFileStore(target.getParent()).supportsFileAttributeView("posix")) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(tmp);
        }
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            properties(stack).store(out, "attache up: the local stack is ready");
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
