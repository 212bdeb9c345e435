package dev.attache.local.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.LongConsumer;

/**
 * One file's way in: a {@code POST} below Graph's 3 MB session minimum, an upload session from there, each with the
 * file's {@code Idempotency-Key}. A session an earlier run began is resumed where the service says it is; one an
 * earlier run finished is answered with its attachment (its last slice sent again).
 */
public final class FileUpload {

    /** Graph's minimum for an upload session; every smaller file fits a POST. */
    public static final long SESSION_MIN_BYTES = 3_000_000L;
    private static final int ATTEMPTS = 5;

    /**
     * What became of a file.
     *
     * @param replayed whether an earlier run had created it already
     * @param resumedFrom where its upload session resumed, or 0
     */
    public record Uploaded(Path file, String attachmentId, long size, String sha256, boolean replayed,
            long resumedFrom) {
    }

    private final UploadClient client;
    private final long sliceBytes;

    public FileUpload(UploadClient client, long sliceBytes) {
        this.client = client;
        this.sliceBytes = sliceBytes;
    }

    /**
     * Uploads {@code file} to event {@code eventId}; {@code progress} hears of every byte sent.
     *
     * @throws IOException when the service refuses it or stays unreachable
     */
    public Uploaded upload(String eventId, Path file, LongConsumer progress) throws IOException {
        long size = Files.size(file);
        String sha256 = sha256(file);
        String key = UploadKeys.file(eventId, file.getFileName().toString(), sha256);
        // no content type: the service infers it (from the name, else the bytes) the same way on every run
        String contentType = null;
        if (size < SESSION_MIN_BYTES) {
            UploadClient.Answer answer = client.post(eventId, file, contentType, key);
            if (!answer.ok() || answer.location() == null) {
                throw new IOException(answer.error());
            }
            progress.accept(size);
            return new Uploaded(file, UploadClient.attachmentId(answer.location()), size, sha256, answer.replayed(),
                    0);
        }
        UploadClient.Session session = client.open(eventId, file.getFileName().toString(), size, contentType, key);
        long next = client.next(session.uploadUrl());
        long resumedFrom = Math.max(next, 0);
        if (next < 0) {
            // finished by an earlier run: its last byte sent again answers the attachment it made
            next = size - 1;
        }
        progress.accept(next);
        String location = sendFrom(session.uploadUrl(), file, next, size, progress);
        return new Uploaded(file, UploadClient.attachmentId(location), size, sha256, session.replayed(), resumedFrom);
    }

    /** The slices from {@code from}; the {@code Location} the last one answers. */
    private String sendFrom(String uploadUrl, Path file, long from, long size, LongConsumer progress)
            throws IOException {
        int failures = 0;
        long at = from;
        while (true) {
            long to = Math.min(size, at + sliceBytes);
            UploadClient.Answer answer;
            try {
                answer = client.put(uploadUrl, file, at, to, size);
            } catch (IOException e) {
                answer = null;
                if (++failures >= ATTEMPTS) {
                    throw e;
                }
            }
            if (answer != null && answer.status() == 201) {
                progress.accept(to - at);
                return answer.location();
            }
            if (answer != null && answer.status() == 200) {
                progress.accept(to - at);
                at = to;
                failures = 0;
                continue;
            }
            if (answer != null && answer.status() != 416 && answer.status() < 500 && answer.status() != 429) {
                throw new IOException(answer.error());
            }
            if (answer != null && answer.status() != 416 && ++failures >= ATTEMPTS) {
                throw new IOException(answer.error());
            }
            // not taken, or taken without our hearing of it: go on from where the session says it is
            pause(failures);
            long next = client.next(uploadUrl);
            progress.accept((next < 0 ? size : next) - at);
            at = next < 0 ? size - 1 : next;
        }
    }

    private static void pause(int failures) throws IOException {
        try {
            Thread.sleep(Math.min(10_000L, 250L << Math.min(failures, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
