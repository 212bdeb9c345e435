package dev.attache.bench.load;

/** Told when a slice's measured window opens and closes, to observe something else over exactly that span. */
public interface WindowObserver {

    WindowObserver NONE = new WindowObserver() {
    };

    default void opened() {
    }

    default void closed() {
    }
}
