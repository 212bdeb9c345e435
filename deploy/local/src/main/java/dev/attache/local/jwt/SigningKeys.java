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
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * A key pair tokens are signed with, kept as {@code private.pem} (PKCS#8) and {@code public.pem} (X.509) in one
 * directory: RSA for the dev identity (Entra signs with RS256), EC P-256 for the service tokens of the processor's
 * internal API, Ed25519 for the processor's audit checkpoints. Created on first use and reused afterwards, so tokens keep verifying across restarts of the stack.
 */
public record SigningKeys(Path privateKeyFile, Path publicKeyFile, PrivateKey privateKey, PublicKey publicKey) {

    public static final String PRIVATE_KEY_FILE = "private.pem";
    public static final String PUBLIC_KEY_FILE = "public.pem";
    private static final int RSA_KEY_SIZE = 2048;

    /** The kinds of pair. */
    public enum Algorithm {
        RSA, EC, Ed25519
    }

    /** Loads the dev identity's RSA pair from {@code dir}, creating it first if either file is missing. */
    public static SigningKeys loadOrCreate(Path dir) throws IOException, GeneralSecurityException {
        return loadOrCreate(dir, Algorithm.RSA);
    }

    /** Loads the pair from {@code dir}, creating one of {@code algorithm} first if either file is missing. */
    public static SigningKeys loadOrCreate(Path dir, Algorithm algorithm) throws IOException, GeneralSecurityException {
        Files.createDirectories(dir);
        Path privateFile = dir.resolve(PRIVATE_KEY_FILE);
        Path publicFile = dir.resolve(PUBLIC_KEY_FILE);
        // `attache token` and `attache up` may run at the same moment on a fresh data dir: without the lock
        // each could create a pair and one would sign with a key the other published no public half of.
        try (FileChannel channel = FileChannel.open(dir.resolve(".keys.lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
                create(privateFile, publicFile, algorithm);
            }
            KeyFactory keys = KeyFactory.getInstance(algorithm.name());
            PrivateKey privateKey = keys.generatePrivate(
                    new PKCS8EncodedKeySpec(PemFiles.read(privateFile, PemFiles.PRIVATE_KEY)));
            PublicKey publicKey = keys.generatePublic(
                    new X509EncodedKeySpec(PemFiles.read(publicFile, PemFiles.PUBLIC_KEY)));
            return new SigningKeys(privateFile, publicFile, privateKey, publicKey);
        }
    }

    private static void create(Path privateFile, Path publicFile, Algorithm algorithm)
            throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.name());
        if (algorithm == Algorithm.RSA) {
            generator.initialize(RSA_KEY_SIZE);
        } else if (algorithm == Algorithm.EC) {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        }
        KeyPair pair = generator.generateKeyPair();
        write(privateFile, PemFiles.encode(PemFiles.PRIVATE_KEY, pair.getPrivate().getEncoded()), true);
        write(publicFile, PemFiles.encode(PemFiles.PUBLIC_KEY, pair.getPublic().getEncoded()), false);
    }

    /** Writes beside the target and moves into place, so a reader never sees half a key. */
    private static void write(Path file, String pem, boolean ownerOnly) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        boolean posix = Files.getFileStore(file.getParent()).supportsFileAttributeView("posix");
        if (ownerOnly && posix) {
            // owner-only from its creation: never readable by others, not even before the key is written
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(tmp, pem, StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
