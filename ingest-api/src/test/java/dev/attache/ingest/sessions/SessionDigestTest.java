package dev.attache.ingest.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SessionDigestTest {

    static byte[] content(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    @Test
    void resumedAtEachBlockBoundaryItHashesAsOneDigestWould() throws IOException, NoSuchAlgorithmException {
        byte[] bytes = content(3 * 64 * 1024 + 17);
        SessionDigest first = SessionDigest.resume(null);
        first.update(new ByteArrayInputStream(bytes, 0, 64 * 1024));
        SessionDigest second = SessionDigest.resume(first.state());
        second.update(new ByteArrayInputStream(bytes, 64 * 1024, 2 * 64 * 1024));
        SessionDigest last = SessionDigest.resume(second.state());
        last.update(new ByteArrayInputStream(bytes, 3 * 64 * 1024, 17));

        assertThat(last.finish()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(bytes)));
    }

    @Test
    void theSavedStateHoldsNoContentByteAndIsRefusedInsideABlock() throws IOException {
        byte[] bytes = content(128);
        Arrays.fill(bytes, 64, 128, (byte) 0x5A);
        SessionDigest aligned = SessionDigest.resume(null);
        aligned.update(new ByteArrayInputStream(bytes));
        SessionDigest inside = SessionDigest.resume(null);
        inside.update(new ByteArrayInputStream(bytes, 0, 100));

        byte[] state = Base64.getDecoder().decode(aligned.state());

        assertThat(state).hasSize(SessionDigest.BLOCK_ALIGNED_STATE_BYTES);
        assertThatThrownBy(inside::state).isInstanceOf(IllegalStateException.class);
    }
}
