package dev.attache.ingest.sessions;

import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SHA256Digest;

import dev.attache.ingest.spool.SpooledContent;

/**
 * The SHA-256 of an upload session's content, computed slice by slice on whichever front takes each slice. The JDK's
 * digest cannot be saved and resumed; Bouncy Castle's can ({@link SHA256Digest#getEncodedState()}), so the state
 * after each part travels in the session (53 bytes: parts end on a 64-byte block, so it holds no content), and the
 * attachment's hash is the hash of its bytes, the same a POST would compute.
 */
final class SessionDigest {

    private static final int BUFFER = 64 * 1024;
    /**
     * Bouncy Castle's encoded state with no partial block: the eight chaining words, the byte count and the words and
     * bytes of the unfinished block (none here), and a purpose byte.
     */
    static final int BLOCK_ALIGNED_STATE_BYTES = 53;

    private final SHA256Digest digest;

    private SessionDigest(SHA256Digest digest) {
        this.digest = digest;
    }

    /** The digest after the bytes {@code state} (base64, or null for none) describes. */
    static SessionDigest resume(String state) {
        return new SessionDigest(state == null ? new SHA256Digest()
                : new SHA256Digest(Base64.getDecoder().decode(state)));
    }

    /** Adds every byte of {@code in}. */
    void update(InputStream in) throws IOException {
        byte[] buffer = new byte[BUFFER];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            digest.update(buffer, 0, n);
        }
    }

    /** Adds every byte of {@code content}. */
    void update(SpooledContent content) throws IOException {
        try (InputStream in = content.open()) {
            update(in);
        }
    }

    /**
     * The state so far, base64, to resume from. Only at a block boundary: elsewhere the state holds the bytes of the
     * unfinished block, and the state goes into the audited log, which must hold no content.
     *
     * @throws IllegalStateException when the bytes added so far do not end a block
     */
    String state() {
        byte[] state = digest.getEncodedState();
        // the length rules out a partial block's words; bytes 4-7, the count of a partial word's bytes, must be 0
        if (state.length != BLOCK_ALIGNED_STATE_BYTES || state[4] != 0 || state[5] != 0 || state[6] != 0
                || state[7] != 0) {
            throw new IllegalStateException("The digest is inside a block: its state would hold content bytes");
        }
        return Base64.getEncoder().encodeToString(state);
    }

    /** The hex SHA-256 of everything added; ends this digest. */
    String finish() {
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
