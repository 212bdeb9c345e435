package dev.attache.processor.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

import dev.attache.processor.query.LookupRouting.Local;
import dev.attache.processor.query.LookupRouting.Remote;
import dev.attache.processor.query.LookupRouting.Unavailable;

class LookupRoutingTest {

    static final HostInfo SELF = new HostInfo("10.0.0.1", 8081);
    static final HostInfo OTHER = new HostInfo("10.0.0.2", 8081);

    static KeyQueryMetadata activeOn(HostInfo host, int partition) {
        return new KeyQueryMetadata(host, Set.of(), partition);
    }

    @Test
    void theActiveHostIsThisInstanceTheStoreIsQueriedHereOnTheKeysPartition() {
        assertThat(LookupRouting.target(SELF, activeOn(new HostInfo("10.0.0.1", 8081), 7), false))
                .isEqualTo(new Local(7));
        assertThat(LookupRouting.target(SELF, activeOn(SELF, 7), true))
                .as("a forwarded lookup is answered where it belongs").isEqualTo(new Local(7));
    }

    @Test
    void anotherActiveHostIsForwardedTo() {
        assertThat(LookupRouting.target(SELF, activeOn(OTHER, 3), false)).isEqualTo(new Remote(OTHER));
        assertThat(LookupRouting.target(SELF, activeOn(new HostInfo("10.0.0.1", 8082), 3), false))
                .as("same host, another port: another instance").isEqualTo(new Remote(new HostInfo("10.0.0.1", 8082)));
    }

    @Test
    void aForwardedLookupIsNeverForwardedAgain() {
        assertThat(LookupRouting.target(SELF, activeOn(OTHER, 3), true)).isInstanceOf(Unavailable.class);
    }

    @Test
    void withoutAnActiveHostNobodyAnswers() {
        assertThat(LookupRouting.target(SELF, KeyQueryMetadata.NOT_AVAILABLE, false)).isInstanceOf(Unavailable.class);
        assertThat(LookupRouting.target(SELF, null, false)).isInstanceOf(Unavailable.class);
        assertThat(LookupRouting.target(SELF, activeOn(HostInfo.unavailable(), 0), false))
                .isInstanceOf(Unavailable.class);
    }

    @Test
    void withoutAnApplicationServerNobodyAnswers() {
        assertThat(LookupRouting.target(null, activeOn(OTHER, 3), false)).isInstanceOf(Unavailable.class);
    }
}
