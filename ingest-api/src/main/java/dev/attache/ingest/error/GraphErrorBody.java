package dev.attache.ingest.error;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The Graph error envelope: {@code {"error":{"code","message","innerError":{"date","request-id",
 * "client-request-id"}}}}. {@code date} has no offset, like Graph's.
 */
public record GraphErrorBody(Error error) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    public record Error(String code, String message, InnerError innerError) {
    }

    public record InnerError(String date, @JsonProperty("request-id") String requestId,
            @JsonProperty("client-request-id") String clientRequestId) {
    }

    public static GraphErrorBody of(String code, String message, String requestId, String clientRequestId) {
        String date = LocalDateTime.now(ZoneOffset.UTC).format(DATE);
        return new GraphErrorBody(new Error(code, message, new InnerError(date, requestId, clientRequestId)));
    }
}
