package dev.attache.schemas.session;

import dev.attache.schemas.attachment.Principal;

/**
 * A read of one upload session from the processor's state ({@code POST /internal/upload-sessions/query}): answered
 * {@code 200} with the {@link UploadSession}, or {@code 404 ErrorItemNotFound} when there is none for this principal
 * (absent, finished, cancelled, expired, or another caller's: which one is not told).
 */
public record SessionQuery(String tenantId, String eventId, String sessionId, Principal principal) {

    public static final String PATH = "/internal/upload-sessions/query";
}
