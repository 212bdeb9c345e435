package dev.attache.ingest.spool;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Passes content through while counting it, hashing it (SHA-256) and keeping its first bytes for type detection,
 * so the content is measured in the same pass that stores it.
 */
public final class MeasuringOutputStream extends FilterOutputStream {

    private final MessageDigest sha256;
    private final byte[] head;
    private int headLength;
    private long count;

    MeasuringOutputStream(OutputStream target, int headBytes) {
        super(target);
        this.head = new byte[headBytes];
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (headLength < head.length) {
            int n = Math.min(len, head.length - headLength);
            System.arraycopy(b, off, head, headLength, n);
            headLength += n;
        }
        sha256.update(b, off, len);
        count += len;
        out.write(b, off, len);
    }

    public long count() {
        return count;
    }

    public byte[] head() {
        return Arrays.copyOf(head, headLength);
    }

    /** The hex SHA-256 of everything written; call once, at the end. */
    public String sha256Hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}
