package dev.attache.bench.load;

import java.util.concurrent.CompletableFuture;

/** One request against a target: completes normally on success, exceptionally on any error or unexpected answer. */
@FunctionalInterface
public interface Operation {

    CompletableFuture<?> start();
}
