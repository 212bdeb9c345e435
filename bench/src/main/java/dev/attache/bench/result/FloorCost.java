package dev.attache.bench.result;

/**
 * The least CPU an upload of one payload size can cost in the ingest path, measured with the JDK's own primitives in
 * the same run: what ingest-api's CPU per content byte is compared with.
 *
 * @param decodeNanosPerByte {@code java.util.Base64} decoding the payload's base64 from an array, per content byte
 * @param hashNanosPerByte   one SHA-256 of the payload ({@code MessageDigest}), per content byte
 * @param copyNanosPerByte   one copy of the payload ({@code System.arraycopy}), per content byte
 */
public record FloorCost(int payloadBytes, double decodeNanosPerByte, double hashNanosPerByte,
        double copyNanosPerByte) {

    /** Decode, hash and copy once: the work no implementation of the contract can skip. */
    public double nanosPerByte() {
        return decodeNanosPerByte + hashNanosPerByte + copyNanosPerByte;
    }
}
