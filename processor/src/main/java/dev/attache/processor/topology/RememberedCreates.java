package dev.attache.processor.topology;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.attache.processor.rules.IdempotencyRules;
import dev.attache.processor.rules.IdempotencyRules.Remembered;
import dev.attache.processor.rules.IdempotencyRules.Verdict;
import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.schemas.attachment.AttachmentReply;
import dev.attache.schemas.attachment.Idempotency;
import dev.attache.schemas.kafka.AttachmentKeys;

/**
 * The creates that succeeded, remembered in the event's partition for as long as a repeat of them may come: under
 * the client's {@code Idempotency-Key} (scoped to tenant, caller and event), or as the possible original of an SDK
 * retry. The decisions are {@link IdempotencyRules}'; this keeps the store.
 */
final class RememberedCreates {

    /**
     * Entries are dropped this long after every command could still find them: a command whose front's clock runs
     * behind the newest one seen by up to this much still finds what it should.
     */
    static final long FORGET_SLACK_MILLIS = 3_600_000L;

    private final KeyValueStore<String, Remembered> store;
    /** The newest {@code receivedAt} this task has seen: the front's clock, as far as the log tells it. */
    private long newestReceivedAt = Long.MIN_VALUE;

    RememberedCreates(KeyValueStore<String, Remembered> store) {
        this.store = store;
    }

    /** Whether {@code command} (a create), appended at {@code appendTime}, repeats one remembered here. */
    Verdict check(AttachmentCommand command, long appendTime) {
        Idempotency request = command.idempotency();
        if (request == null) {
            return new Verdict.Fresh();
        }
        newestReceivedAt = Math.max(newestReceivedAt, request.receivedAt());
        if (request.key() != null) {
            return IdempotencyRules.byKey(request, appendTime, store.get(keyOf(command)));
        }
        if (request.clientRequestId() == null) {
            return new Verdict.Fresh();
        }
        return IdempotencyRules.byRetry(request, store.get(retryKeyOf(command)));
    }

    /** Remembers that {@code command}, appended at {@code appendTime}, was answered {@code reply}. */
    void remember(AttachmentCommand command, long appendTime, AttachmentReply reply) {
        Idempotency request = command.idempotency();
        if (request == null) {
            return;
        }
        if (request.key() != null) {
            store.put(keyOf(command), Remembered.byKey(request, appendTime, reply));
        } else if (request.clientRequestId() != null) {
            store.put(retryKeyOf(command), Remembered.asRetryTarget(request, appendTime, reply));
        }
    }

    /**
     * Drops the entries no command can find any more. Stream-time punctuation, measured against the fronts' newest
     * {@code receivedAt}, so a replay forgets at the same points of the log as the first run.
     */
    void forgetExpired(long streamTime) {
        if (newestReceivedAt == Long.MIN_VALUE) {
            return;
        }
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Remembered> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, Remembered> entry = all.next();
                if (entry.value.expiredFor(newestReceivedAt - FORGET_SLACK_MILLIS)) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(store::delete);
    }

    private static String keyOf(AttachmentCommand command) {
        return AttachmentKeys.idempotencyKey(command.tenantId(), command.eventId(), command.principal().objectId(),
                command.idempotency().key());
    }

    private static String retryKeyOf(AttachmentCommand command) {
        return AttachmentKeys.retryKey(command.tenantId(), command.eventId(), command.principal().objectId(),
                command.idempotency().clientRequestId(), command.idempotency().fingerprint());
    }
}
