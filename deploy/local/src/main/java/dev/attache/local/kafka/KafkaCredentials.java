package dev.attache.local.kafka;

import dev.attache.schemas.kafka.KafkaAccess;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The SCRAM passwords of the local stack's Kafka users: the admin super user and one user per app
 * ({@link KafkaAccess}). Generated on first use into {@code kafka-users.properties} (owner-only) and reused, so a
 * restarted stack and the tools that read the file agree. Dev secrets: never copied into a real cluster.
 */
public record KafkaCredentials(Path file, Map<String, String> passwords) {

    public static final String FILE = "kafka-users.properties";
    private static final SecureRandom RANDOM = new SecureRandom();

    public KafkaCredentials {
        passwords = Map.copyOf(passwords);
    }

    /** Loads the passwords from {@code dir}, generating the ones missing (all of them on first use). */
    public static KafkaCredentials loadOrCreate(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        Properties stored = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                stored.load(in);
            }
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        boolean generated = false;
        for (String user : users()) {
            String password = stored.getProperty(user);
            if (password == null || password.isBlank()) {
                password = newPassword();
                generated = true;
            }
            passwords.put(user, password);
        }
        if (generated) {
            write(file, passwords);
        }
        return new KafkaCredentials(file, passwords);
    }

    /** The admin user and every app's user. */
    public static List<String> users() {
        return Stream.concat(Stream.of(KafkaAccess.ADMIN), KafkaAccess.apps().stream().map(KafkaAccess::user))
                .toList();
    }

    public String password(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no Kafka user " + user);
        }
        return password;
    }

    public String adminPassword() {
        return password(KafkaAccess.ADMIN);
    }

    /** 24 random bytes, URL-safe base64: no character that a JAAS line or a properties file would need escaped. */
    private static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void write(Path file, Map<String, String> passwords) throws IOException {
        Properties out = new Properties();
        out.putAll(passwords);
        Path tmp = file.resolveSibling(FILE + ".tmp");
        Files.deleteIfExists(tmp);
        if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(tmp);
        }
        try (Writer writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            out.store(writer, "SCRAM passwords of the local stack's Kafka users (dev only)");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
