package dev.attache.processor.query;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.attache.processor.rules.LookupAnswer;
import dev.attache.schemas.kafka.ContractJson;

/**
 * The HTTP answer to a lookup: its status and JSON body, made here or relayed as is from the instance that hosts the
 * event.
 */
public record LookupReply(int status, byte[] json) {

    /** The answer written with {@link ContractJson}, so an event has the bytes it has on {@code calendar-events}. */
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

    @Override
    public String toString() {
        return status + " " + new String(json, StandardCharsets.UTF_8);
    }
}
