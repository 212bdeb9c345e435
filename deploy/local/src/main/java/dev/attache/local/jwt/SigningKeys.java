package dev.attache.local.jwt;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * The RSA key pair the dev identity signs tokens with, kept as {@code private.pem} (PKCS#8) and {@code public.pem}
 * (X.509) in one directory. Created on first use and reused afterwards, so tokens minted by {@code attache token}
 * keep verifying across restarts of the stack.
 */
public record SigningKeys(Path privateKeyFile, Path publicKeyFile, PrivateKey privateKey, PublicKey publicKey) {

    public static final String PRIVATE_KEY_FILE = "private.pem";
    public static final String PUBLIC_KEY_FILE = "public.pem";
    private static final int KEY_SIZE = 2048;

    /** Loads the pair from {@code dir}, creating it first if either file is missing. */
    public static SigningKeys loadOrCreate(Path dir) throws IOException, GeneralSecurityException {
        Files.createDirectories(dir);
        Path privateFile = dir.resolve(PRIVATE_KEY_FILE);
        Path publicFile = dir.resolve(PUBLIC_KEY_FILE);
        // `attache token` and `attache up` may run at the same moment on a fresh data dir: without the lock
        // each could create a pair and one would sign with a key the other published no public half of.
        try (FileChannel channel = FileChannel.open(dir.resolve(".keys.lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
                create(privateFile, publicFile);
            }
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey privateKey = rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(PemFiles.read(privateFile, PemFiles.PRIVATE_KEY)));
            PublicKey publicKey = rsa.generatePublic(
                    new X509EncodedKeySpec(PemFiles.read(publicFile, PemFiles.PUBLIC_KEY)));
            return new SigningKeys(privateFile, publicFile, privateKey, publicKey);
        }
    }

    private static void create(Path privateFile, Path publicFile) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(KEY_SIZE);
        KeyPair pair = generator.generateKeyPair();
        write(privateFile, PemFiles.encode(PemFiles.PRIVATE_KEY, pair.getPrivate().getEncoded()), true);
        write(publicFile, PemFiles.encode(PemFiles.PUBLIC_KEY, pair.getPublic().getEncoded()), false);
    }

    /** Writes beside the target and moves into place, so a reader never sees half a key. */
    private static void write(Path file, String pem, boolean ownerOnly) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, pem, StandardCharsets.US_ASCII);
        if (ownerOnly && Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
