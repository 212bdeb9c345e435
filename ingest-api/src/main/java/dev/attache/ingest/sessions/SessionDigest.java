package dev.attache.ingest.sessions;

import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * The SHA-256 of an upload session's content, computed slice by slice on whichever front takes each slice. The JDK's
 * digest cannot be saved and resumed; Bouncy Castle's can ({@link SHA256Digest#getEncodedState()}), so the state
 * after each slice travels in the session (a hundred bytes), and the attachment's hash is the hash of its bytes, the
 * same a POST would compute.
 */
final class SessionDigest {

    private static final int BUFFER = 64 * 1024;

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

    /** The state so far, base64, to resume from. */
    String state() {
        return Base64.getEncoder().encodeToString(digest.getEncodedState());
    }

    /** The hex SHA-256 of everything added; ends this digest. */
    String finish() {
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
