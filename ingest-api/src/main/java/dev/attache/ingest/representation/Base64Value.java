package dev.attache.ingest.representation;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Base64;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * A JSON string value of standard, padded base64 written from a stream: encoded by {@link java.util.Base64}, which the
 * JIT compiles to vector instructions, in blocks straight into the generator's output, where Jackson's
 * {@code writeBinary} encodes three bytes at a time. The text is the same.
 *
 * <p>The generator must write to an {@code OutputStream} and must not pass its flushes on: the value goes around the
 * generator, so what the generator holds is flushed into that stream first, and a flush passed on would push a
 * partial response to the client at every value.
 */
final class Base64Value {

    /** Read per block: a multiple of 3, so no block but the last has padding. */
    static final int BLOCK_BYTES = 12 * 1024;

    private static final Base64.Encoder ENCODER = Base64.getEncoder();

    private Base64Value() {
    }

    /** Writes the {@code length} bytes of {@code content} as the current value of {@code g}. */
    static void write(JsonGenerator g, InputStream content, long length) throws IOException {
        if (!(g.getOutputTarget() instanceof OutputStream out)
                || g.isEnabled(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM)) {
            throw new IllegalStateException("a generator writing bytes, and not passing its flushes on, is needed");
        }
        g.writeRawValue("\""); // the separator and the opening quote, with the value counted as written
        g.flush();
        byte[] block = new byte[BLOCK_BYTES];
        byte[] encoded = new byte[BLOCK_BYTES / 3 * 4];
        long left = length;
        while (left > 0) {
            int wanted = (int) Math.min(BLOCK_BYTES, left);
            int read = content.readNBytes(block, 0, wanted);
            if (read < wanted) {
                throw new EOFException("content ended " + (left - read) + " bytes short of its length");
            }
            int n = read == BLOCK_BYTES ? ENCODER.encode(block, encoded)
                    : ENCODER.encode(Arrays.copyOf(block, read), encoded);
            out.write(encoded, 0, n);
            left -= read;
        }
        g.writeRaw('"');
    }
}
