package dev.attache.local.jwt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Reads and writes DER keys as PEM text, the format {@code mp.jwt.verify.publickey.location} and {@code openssl}
 * read. Only the two labels the dev identity needs: {@code PRIVATE KEY} (PKCS#8) and {@code PUBLIC KEY}
 * (X.509 SubjectPublicKeyInfo).
 */
final class PemFiles {

    static final String PRIVATE_KEY = "PRIVATE KEY";
    static final String PUBLIC_KEY = "PUBLIC KEY";

    private static final Base64.Encoder ENCODER = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private PemFiles() {
    }

    static String encode(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + ENCODER.encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    static byte[] read(Path file, String label) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IOException(file + " is not a PEM file with a " + label);
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }
}
