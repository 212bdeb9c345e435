package dev.attache.bench.result;

/** How load was offered. */
public enum Loop {
    /** A fixed number of requests in flight; each completion sends the next. */
    CLOSED,
    /** A fixed arrival rate; latency counts from the intended send time, so queueing is not hidden. */
    OPEN
}
