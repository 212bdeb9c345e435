package dev.attache.bench.result;

/**
 * The payload sizes the benchmark measures, and their names.
 *
 * <p>The largest is not 3 MiB: its base64 alone is exactly 4 MiB, which with the JSON around it exceeds the 4 MiB
 * request limit (Graph's "4 MB per request"; Graph also wants POSTed attachments "under 3 MB"). So the "3 MiB" point
 * is the largest whole-KiB file a POST can carry: 3 MiB − 1 KiB.
 */
public final class PayloadSizes {

    public static final int KIB = 1024;
    public static final int MIB = 1024 * KIB;

    public static final int SMALL = KIB;
    public static final int MEDIUM = 64 * KIB;
    public static final int ONE_MIB = MIB;
    public static final int LARGEST_POST = 3 * MIB - KIB;

    private PayloadSizes() {
    }

    /** As people say them: 1 KiB, 64 KiB, 1 MiB, 3 MiB − 1 KiB; an odd size stays exact rather than rounded. */
    public static String label(long bytes) {
        if (bytes == LARGEST_POST) {
            return "3 MiB − 1 KiB";
        }
        if (bytes > 0 && bytes % MIB == 0) {
            return bytes / MIB + " MiB";
        }
        if (bytes > 0 && bytes % KIB == 0) {
            return bytes / KIB + " KiB";
        }
        return bytes + " B";
    }
}
