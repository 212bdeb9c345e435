package dev.attache.ingest.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;

import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class CommandNotAppendedExceptionTest {

    @Test
    void aProducerThatNeverFoundTheTopicCertainlyAppendedNothing() {
        Throwable noMetadata = new CompletionException(
                new TimeoutException("Topic attachment-commands not present in metadata after 10000 ms."));

        assertThat(CommandNotAppendedException.unacknowledged(noMetadata).maybeAppended()).isFalse();
        assertThat(CommandNotAppendedException.neverSent(new IllegalStateException()).maybeAppended()).isFalse();
    }

    @Test
    void aRefusalBeforeTheRecordWasWrittenCertainlyAppendedNothing() {
        for (Throwable refused : new Throwable[] {
                new org.apache.kafka.common.errors.TopicAuthorizationException("Not authorized to access topics"),
                new org.apache.kafka.common.errors.SaslAuthenticationException("invalid credentials"),
                new org.apache.kafka.common.errors.RecordTooLargeException("too large"),
                new org.apache.kafka.common.errors.SerializationException("cannot serialize")}) {
            assertThat(CommandNotAppendedException.unacknowledged(new CompletionException(refused)).maybeAppended())
                    .as(refused.toString()).isFalse();
        }
    }

    @Test
    void aFailureAfterSendingMayHaveAppended() {
        assertThat(CommandNotAppendedException.unacknowledged(new TimeoutException(
                "Expiring 1 record(s) for attachment-commands-0: 15000 ms has passed since batch creation"))
                .maybeAppended()).isTrue();
        assertThat(CommandNotAppendedException.unacknowledged(new NetworkException("connection lost"))
                .maybeAppended()).isTrue();
    }

    @Test
    void aCommandTooLargeForTheLogIsTheRequestsFaultNotTheServices() {
        CommandNotAppendedException tooLarge = CommandNotAppendedException.tooLarge(2_000_000, 1_044_480);

        assertThat(tooLarge.maybeAppended()).isFalse();
        assertThat(tooLarge.refusal()).get().satisfies(refusal -> {
            assertThat(refusal.status()).isEqualTo(413);
            assertThat(refusal.code()).isEqualTo("RequestEntityTooLarge");
        });
        assertThat(CommandNotAppendedException.neverSent(new IllegalStateException()).refusal()).isEmpty();
    }
}
