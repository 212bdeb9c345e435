package dev.attache.ingest.body;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.IOContext;

/**
 * Makes {@link BlockBase64JsonParser}s for bodies read from a stream. JSON between systems is UTF-8 (RFC 8259 §8.1),
 * so the encoding is not sniffed as Jackson otherwise does; a UTF-8 byte order mark is skipped, as Jackson does.
 */
final class BlockBase64JsonFactory extends JsonFactory {

    private static final long serialVersionUID = 1L;

    BlockBase64JsonFactory(JsonFactory base) {
        super(base, base.getCodec());
    }

    @Override
    public JsonFactory copy() {
        return new BlockBase64JsonFactory(this);
    }

    @Override
    protected JsonParser _createParser(InputStream in, IOContext context) throws IOException {
        byte[] buffer = context.allocReadIOBuffer(BlockBase64JsonParser.BUFFER_BYTES);
        int end = 0;
        while (end < 3) {
            int n = in.read(buffer, end, buffer.length - end);
            if (n < 0) {
                break;
            }
            end += n;
        }
        boolean byteOrderMark = end >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB
                && (buffer[2] & 0xFF) == 0xBF;
        return new BlockBase64JsonParser(context, _parserFeatures, in, _objectCodec,
                _byteSymbolCanonicalizer.makeChild(_factoryFeatures), buffer, byteOrderMark ? 3 : 0, end);
    }
}
