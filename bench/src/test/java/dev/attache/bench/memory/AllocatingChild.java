package dev.attache.bench.memory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The JVM the probe tests measure: allocates what it is told on stdin and says when it is done.
 *
 * <ul>
 *   <li>{@code allocate <total bytes> <live bytes>}: allocates the total in {@value #CHUNK_BYTES}-byte arrays,
 *       keeping the latest ones up to the live amount reachable until told to release; answers {@code allocated}</li>
 *   <li>{@code release}: drops them and asks for a full collection; answers {@code released}</li>
 * </ul>
 */
public final class AllocatingChild {

    /** Below half a G1 region, so the arrays go through eden like ordinary buffers rather than as humongous ones. */
    static final int CHUNK_BYTES = 256 * 1024;

    private static byte[][] live = new byte[0][];

    public static void main(String[] args) throws IOException {
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        say("ready");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] words = line.trim().split(" ");
            switch (words[0]) {
                case "allocate" -> {
                    allocate(Long.parseLong(words[1]), Long.parseLong(words[2]));
                    say("allocated");
                }
                case "release" -> {
                    live = new byte[0][];
                    System.gc();
                    say("released");
                }
                default -> say("unknown command: " + line);
            }
        }
    }

    private static void allocate(long totalBytes, long liveBytes) {
        byte[][] ring = new byte[(int) (liveBytes / CHUNK_BYTES)][];
        live = ring;
        for (long i = 0; i < totalBytes / CHUNK_BYTES; i++) {
            ring[(int) (i % ring.length)] = new byte[CHUNK_BYTES];
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
