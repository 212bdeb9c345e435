package dev.attache.bench.run;

/** Payload sizes as people say them: 1 KiB, 64 KiB, 1 MiB, 3 MiB. */
final class Sizes {

    private Sizes() {
    }

    static String label(int bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " B";
    }
}
