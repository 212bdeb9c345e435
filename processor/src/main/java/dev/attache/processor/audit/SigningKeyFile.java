package dev.attache.processor.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;

import dev.attache.schemas.audit.CheckpointSignatures;

/**
 * Reads the processor's Ed25519 checkpoint keys: the private key as PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}),
 * the public key as X.509 PEM ({@code -----BEGIN PUBLIC KEY-----}).
 */
public final class SigningKeyFile {

    private SigningKeyFile() {
    }

    public static PrivateKey privateKey(Path file) {
        try {
            return CheckpointSignatures.privateKey(der(file, "PRIVATE KEY"));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            // the path names the file; its content is a secret and stays out of the message
            throw new IllegalStateException("Cannot read the audit signing key (Ed25519, PKCS#8 PEM) from " + file);
        }
    }

    public static PublicKey publicKey(Path file) {
        try {
            return CheckpointSignatures.publicKey(der(file, "PUBLIC KEY"));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read the audit public key (Ed25519, X.509 PEM) from " + file, e);
        }
    }

    private static byte[] der(Path file, String label) throws IOException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        String body = pem.replace("-----BEGIN " + label + "-----", "").replace("-----END " + label + "-----", "")
                .replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
