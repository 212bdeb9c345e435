package dev.attache.processor.rules;

import dev.attache.schemas.event.CalendarShare;

/**
 * What the access rules read besides the command and the event: the sharing, membership and directory records of the
 * registry.
 * A port, so the rules stay pure functions of their arguments; the topology answers it from its global stores.
 * Every lookup takes the command's tenant first, so no answer can come from another tenant.
 */
public interface Registry {

    /** The share of {@code ownerId}'s calendar ({@code null} = the default calendar) with {@code granteeId}, or null. */
    CalendarShare share(String tenantId, String ownerId, String calendarId, String granteeId);

    /** Whether the registry records {@code memberId} as a member of {@code groupId}. */
    boolean isMember(String tenantId, String groupId, String memberId);

    /** The object id the directory gives {@code userPrincipalName} (compared ignoring case), or null. */
    String objectIdOf(String tenantId, String userPrincipalName);
}
