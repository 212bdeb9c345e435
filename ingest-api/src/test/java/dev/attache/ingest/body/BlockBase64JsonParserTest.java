package dev.attache.ingest.body;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The block decoder against Jackson's own, which is the reference: same bytes, same tokens after the string, and the
 * same refusals, over random sizes, JSON escapes, white space, padding, damage and ways of splitting the input.
 */
class BlockBase64JsonParserTest {

    private static final Base64Variant VARIANT = Base64Variants.MIME_NO_LINEFEEDS
            .withReadPadding(Base64Variant.PaddingReadBehaviour.PADDING_ALLOWED);
    private static final int BLOCK_BYTES = BlockBase64JsonParser.BLOCK_CHARS / 4 * 3;

    private final JsonFactory reference = new JsonFactory();
    private final JsonFactory blocks = new BlockBase64JsonFactory(new JsonFactory());

    @Test
    void cleanBase64OfEverySizeAroundTheBlocksDecodesToTheContent() throws IOException {
        Random random = new Random(1);
        List<Integer> sizes = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 100, 3 * 1024 * 1024 - 1024));
        for (int k = 1; k <= 5; k++) {
            for (int delta = -4; delta <= 4; delta++) {
                sizes.add(k * BLOCK_BYTES + delta);
            }
        }
        for (int size : sizes) {
            byte[] content = bytes(random, size);
            String body = "{\"name\":\"a\",\"contentBytes\":\"" + Base64.getEncoder().encodeToString(content)
                    + "\",\"isInline\":true}";
            Outcome outcome = read(blocks, body.getBytes(StandardCharsets.US_ASCII), random, true);
            assertThat(outcome.decoded).as("size %d", size).isEqualTo(content);
            assertThat(outcome.after).extracting(token -> token.substring(0, token.indexOf(" @")))
                    .containsExactly("FIELD_NAME isInline", "VALUE_TRUE true", "END_OBJECT }");
        }
    }

    @Test
    void agreesWithJacksonOnRandomValidEncodings() throws IOException {
        Random random = new Random(2);
        for (int i = 0; i < 400; i++) {
            byte[] content = bytes(random, randomSize(random));
            byte[] body = body(random, encodeVariously(random, content));
            boolean split = random.nextBoolean();
            Outcome expected = read(reference, body, random, split);
            Outcome actual = read(blocks, body, random, split);
            assertThat(expected.decoded).as("reference, case %d", i).isEqualTo(content);
            assertThat(actual).as("case %d", i).isEqualTo(expected);
        }
    }

    @Test
    void agreesWithJacksonOnDamagedInput() throws IOException {
        Random random = new Random(3);
        int refused = 0;
        for (int i = 0; i < 600; i++) {
            byte[] content = bytes(random, randomSize(random));
            byte[] body = damage(random, body(random, encodeVariously(random, content)));
            boolean split = random.nextBoolean();
            Outcome expected = read(reference, body, random, split);
            Outcome actual = read(blocks, body, random, split);
            assertThat(actual).as("case %d", i).isEqualTo(expected);
            refused += expected.error == null ? 0 : 1;
        }
        // the damage is real: most cases are refused, by both
        assertThat(refused).isGreaterThan(300);
    }

    @Test
    void skipsAByteOrderMarkAsJacksonDoes() throws IOException {
        byte[] json = "{\"contentBytes\":\"QUJD\"}".getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[json.length + 3];
        body[0] = (byte) 0xEF;
        body[1] = (byte) 0xBB;
        body[2] = (byte) 0xBF;
        System.arraycopy(json, 0, body, 3, json.length);

        Outcome outcome = read(blocks, body, new Random(4), false);

        assertThat(outcome).isEqualTo(read(reference, body, new Random(4), false));
        assertThat(new String(outcome.decoded, StandardCharsets.US_ASCII)).isEqualTo("ABC");
    }

    private static int randomSize(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(16);
            case 1 -> BLOCK_BYTES * (1 + random.nextInt(3)) + random.nextInt(9) - 4;
            default -> random.nextInt(4 * BLOCK_BYTES);
        };
    }

    private static byte[] bytes(Random random, int size) {
        byte[] content = new byte[size];
        random.nextBytes(content);
        return content;
    }

    /** Standard base64 as JSON clients write it: padded or not, escapes, white space between groups. */
    private static String encodeVariously(Random random, byte[] content) {
        String plain = Base64.getEncoder().encodeToString(content);
        if (random.nextBoolean()) {
            plain = plain.replace("=", "");
        }
        double escapeSlash = random.nextInt(3) == 0 ? random.nextDouble() : 0;
        double escapeAny = random.nextInt(4) == 0 ? random.nextDouble() * 0.01 : 0;
        double space = random.nextInt(4) == 0 ? random.nextDouble() * 0.01 : 0;
        StringBuilder json = new StringBuilder(plain.length() + 64);
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (i % 4 == 0 && random.nextDouble() < space) {
                json.append(switch (random.nextInt(4)) {
                    case 0 -> " ";
                    case 1 -> "\\n";
                    case 2 -> "\\r\\n";
                    default -> "\\u0020";
                });
            }
            if (c == '/' && random.nextDouble() < escapeSlash) {
                json.append("\\/");
            } else if (random.nextDouble() < escapeAny) {
                json.append(String.format("\\u%04X", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.toString();
    }

    private static byte[] body(Random random, String encoded) {
        String before = random.nextBoolean() ? "\"@odata.type\":\"#microsoft.graph.fileAttachment\"," : "";
        return ("{" + before + "\"contentBytes\":\"" + encoded + "\",\"name\":\"n\"}")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** One of the ways a body goes wrong: a foreign character, a stray quote, padding, an escape, a cut. */
    private static byte[] damage(Random random, byte[] body) {
        int start = indexOf(body, "\"contentBytes\":\"") + 16;
        int end = lastIndexOf(body, "\",\"name\"");
        int at = start + random.nextInt(Math.max(1, end - start + 1));
        String inserted = switch (random.nextInt(9)) {
            case 0 -> "!";
            case 1 -> "-";
            case 2 -> "=";
            case 3 -> "==";
            case 4 -> "\\x";
            case 5 -> "\\u00";
            case 6 -> "\u00e9";
            case 7 -> "A";
            default -> null;
        };
        if (inserted == null) {
            byte[] cut = new byte[at];
            System.arraycopy(body, 0, cut, 0, at);
            return cut;
        }
        byte[] add = inserted.getBytes(StandardCharsets.UTF_8);
        byte[] damaged = new byte[body.length + add.length];
        System.arraycopy(body, 0, damaged, 0, at);
        System.arraycopy(add, 0, damaged, at, add.length);
        System.arraycopy(body, at, damaged, at + add.length, body.length - at);
        return damaged;
    }

    private static int indexOf(byte[] body, String text) {
        return new String(body, StandardCharsets.ISO_8859_1).indexOf(text);
    }

    private static int lastIndexOf(byte[] body, String text) {
        return new String(body, StandardCharsets.ISO_8859_1).lastIndexOf(text);
    }

    /** What a reader of the body sees: the bytes and the tokens after the string, or the error's kind. */
    private record Outcome(byte[] decoded, List<String> after, String error) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Outcome o && Arrays.equals(decoded, o.decoded) && after.equals(o.after)
                    && Objects.equals(error, o.error);
        }

        @Override
        public int hashCode() {
            return after.hashCode();
        }

        @Override
        public String toString() {
            return "Outcome[" + decoded.length + " bytes, after " + after + ", error " + error + "]";
        }
    }

    private static Outcome read(JsonFactory factory, byte[] body, Random random, boolean split) throws IOException {
        ByteArrayOutputStream decoded = new ByteArrayOutputStream();
        List<String> after = new ArrayList<>();
        InputStream in = split ? new SplittingInputStream(body, random.nextLong()) : new ByteArrayInputStream(body);
        try (JsonParser p = factory.createParser(in)) {
            JsonToken token;
            while ((token = p.nextToken()) != null) {
                if (token == JsonToken.VALUE_STRING && "contentBytes".equals(p.currentName())) {
                    p.readBinaryValue(VARIANT, decoded);
                    after.clear();
                } else {
                    // where each later token starts: the block decoder moves the buffer, the positions must follow
                    after.add(token + " " + p.getText() + " @" + p.currentTokenLocation().getByteOffset() + "/"
                            + p.currentTokenLocation().getColumnNr());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // what was decoded before the error differs (blocks against chunks) and is dropped by the caller anyway
            // the message carries where the error is (line, column, offset): it must be Jackson's too
            return new Outcome(new byte[0], List.of(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return new Outcome(decoded.toByteArray(), after, null);
    }

    /** Hands the body out in reads of random lengths, as a network does. */
    private static final class SplittingInputStream extends InputStream {

        private final byte[] body;
        private final Random random;
        private int position;

        SplittingInputStream(byte[] body, long seed) {
            this.body = body;
            this.random = new Random(seed);
        }

        @Override
        public int read() {
            return position < body.length ? body[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (position >= body.length) {
                return -1;
            }
            int most = random.nextBoolean() ? 7 : 9000;
            int n = Math.min(Math.min(len, body.length - position), 1 + random.nextInt(most));
            System.arraycopy(body, position, b, off, n);
            position += n;
            return n;
        }
    }
}
