package dev.attache.schemas.kafka;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Kafka and state-store keys. Every key starts with the tenant, then the event, so
 *
 * <ul>
 *   <li>commands of one event share a key and land in one partition, in order;</li>
 *   <li>an event's attachments are one contiguous range of the store: {@link #eventPrefix} is a prefix of all of
 *       their keys and of no other event's.</li>
 * </ul>
 *
 * Components are percent-encoded (event ids contain {@code /}, {@code =}, {@code +}), so {@code /} only separates.
 */
public final class AttachmentKeys {

    private AttachmentKeys() {
    }

    /** The key of an event's commands: {@code tenant/event}. */
    public static String eventKey(String tenantId, String eventId) {
        return encode(tenantId) + '/' + encode(eventId);
    }

    /** The prefix of all store keys of one event's attachments. */
    public static String eventPrefix(String tenantId, String eventId) {
        return eventKey(tenantId, eventId) + '/';
    }

    /** The key of one attachment record: {@code tenant/event/attachment}. */
    public static String attachmentKey(String tenantId, String eventId, String attachmentId) {
        return eventPrefix(tenantId, eventId) + encode(attachmentId);
    }

    /** The event part of an attachment key, so an attachment lands in its event's partition. */
    public static String eventKeyOf(String attachmentKey) {
        int last = attachmentKey.lastIndexOf('/');
        return last < 0 ? attachmentKey : attachmentKey.substring(0, last);
    }

    /** The key of a share: {@code tenant/owner/calendar/grantee}, {@code calendar} {@value #DEFAULT_CALENDAR} for the default. */
    public static String shareKey(String tenantId, String ownerId, String calendarId, String granteeId) {
        return encode(tenantId) + '/' + encode(ownerId) + '/'
                + (calendarId == null ? DEFAULT_CALENDAR : encode(calendarId)) + '/' + encode(granteeId);
    }

    /** The key of a membership: {@code tenant/group/member}. */
    public static String membershipKey(String tenantId, String groupId, String memberId) {
        return encode(tenantId) + '/' + encode(groupId) + '/' + encode(memberId);
    }

    /**
     * The key of a directory entry: {@code tenant/upn}, the UPN lower-cased (they compare ignoring case), so a
     * renamed user's old name is a key of its own that its tombstone removes.
     */
    public static String directoryKey(String tenantId, String userPrincipalName) {
        return encode(tenantId) + '/' + encode(userPrincipalName.toLowerCase(Locale.ROOT));
    }

    /**
     * Where a create with an {@code Idempotency-Key} is remembered: {@code tenant/event/~key/caller/key}, in the
     * event's partition. {@code ~} is never produced by the encoding, so no attachment key looks like it.
     */
    public static String idempotencyKey(String tenantId, String eventId, String callerId, String key) {
        return eventPrefix(tenantId, eventId) + "~key/" + encode(callerId) + '/' + encode(key);
    }

    /**
     * Where a create is remembered as the possible original of an SDK retry:
     * {@code tenant/event/~retry/caller/client-request-id/fingerprint}.
     */
    public static String retryKey(String tenantId, String eventId, String callerId, String clientRequestId,
            String fingerprint) {
        return eventPrefix(tenantId, eventId) + "~retry/" + encode(callerId) + '/' + encode(clientRequestId) + '/'
                + fingerprint;
    }

    /**
     * The key of an upload session: {@code tenant/event/~session-id}, in the event's partition (what follows the
     * last {@code /} is one component, as in an attachment key, so the event partitioner places it).
     */
    public static String sessionKey(String tenantId, String eventId, String sessionId) {
        return eventPrefix(tenantId, eventId) + "~session-" + encode(sessionId);
    }

    /** Stands for the default calendar in share keys; {@code ~} is never produced by the encoding of an id. */
    public static final String DEFAULT_CALENDAR = "~default";

    private static String encode(String component) {
        return URLEncoder.encode(component, StandardCharsets.UTF_8);
    }
}
