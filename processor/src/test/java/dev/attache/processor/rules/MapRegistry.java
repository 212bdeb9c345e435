package dev.attache.processor.rules;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import dev.attache.schemas.event.CalendarShare;
import dev.attache.schemas.kafka.AttachmentKeys;

/** A registry in memory, keyed as the global stores are. */
final class MapRegistry implements Registry {

    private final Map<String, CalendarShare> shares = new HashMap<>();
    private final Set<String> memberships = new HashSet<>();
    private final Map<String, String> directory = new HashMap<>();

    MapRegistry share(CalendarShare share) {
        shares.put(AttachmentKeys.shareKey(share.tenantId(), share.ownerId(), share.calendarId(), share.granteeId()),
                share);
        return this;
    }

    MapRegistry member(String tenantId, String groupId, String memberId) {
        memberships.add(AttachmentKeys.membershipKey(tenantId, groupId, memberId));
        return this;
    }

    MapRegistry name(String tenantId, String userPrincipalName, String objectId) {
        directory.put(AttachmentKeys.directoryKey(tenantId, userPrincipalName), objectId);
        return this;
    }

    @Override
    public CalendarShare share(String tenantId, String ownerId, String calendarId, String granteeId) {
        return shares.get(AttachmentKeys.shareKey(tenantId, ownerId, calendarId, granteeId));
    }

    @Override
    public boolean isMember(String tenantId, String groupId, String memberId) {
        return memberships.contains(AttachmentKeys.membershipKey(tenantId, groupId, memberId));
    }

    @Override
    public String objectIdOf(String tenantId, String userPrincipalName) {
        return directory.get(AttachmentKeys.directoryKey(tenantId, userPrincipalName));
    }
}
