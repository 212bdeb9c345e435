package dev.attache.processor.query;

import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.attache.processor.rules.LookupAnswer;
import dev.attache.schemas.kafka.ContractJson;

/**
 * The HTTP answer to a read of the state (an event lookup, an attachment query): its status and JSON body, made here
 * or relayed as is from the instance that hosts the event.
 */
public record LookupReply(int status, byte[] json) {

    /** Seconds after which a {@code 503} may be retried. */
    static final String RETRY_AFTER_SECONDS = "1";

    /**
     * The answer written with {@link ContractJson}, so an event has the bytes it has on {@code calendar-events} and
     * each attachment record those it has on {@code attachments}.
     */
    public static LookupReply of(LookupAnswer answer) {
        try {
            return new LookupReply(answer.status(), ContractJson.MAPPER.writeValueAsBytes(answer.body()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + answer.body().getClass().getSimpleName(), e);
        }
    }

    public static LookupReply unavailable() {
        return of(LookupAnswer.unavailable());
    }

    /** Whether the caller should retry (and is told so with {@code Retry-After}). */
    public boolean retry() {
        return status == 503;
    }

    /** As the resources answer it: the JSON body, and {@code Retry-After} on a {@code 503}. */
    Response toResponse() {
        Response.ResponseBuilder response = Response.status(status).entity(json);
        if (retry()) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return response.build();
    }

    @Override
    public String toString() {
        return status + " " + new String(json, StandardCharsets.UTF_8);
    }
}
