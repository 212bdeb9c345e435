package dev.attache.bench.result;

/**
 * ingest-api's memory while the pipeline ran one closed-loop cell (warm-up excluded).
 *
 * @param peakHeapBytes   highest heap use seen (pool peaks, reset when the window opened)
 * @param heapAfterGcBytes heap in use after the last collection in the window: what stays live
 * @param peakRssBytes    highest resident set size of the process seen in the window
 * @param allocatedBytes  bytes allocated by all of its threads in the window
 * @param contentBytes    file content bytes of the requests completed in the window
 */
public record MemoryUse(
        int payloadBytes,
        int concurrency,
        long peakHeapBytes,
        long heapAfterGcBytes,
        long peakRssBytes,
        long allocatedBytes,
        long contentBytes) {

    /** Bytes allocated per byte of file content uploaded; the streaming design aims at ≤ 2. */
    public double allocatedPerContentByte() {
        return contentBytes == 0 ? 0 : (double) allocatedBytes / contentBytes;
    }
}
