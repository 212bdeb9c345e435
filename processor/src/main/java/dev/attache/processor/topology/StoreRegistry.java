package dev.attache.processor.topology;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import dev.attache.processor.rules.Registry;
import dev.attache.schemas.event.CalendarShare;
import dev.attache.schemas.event.DirectoryEntry;
import dev.attache.schemas.event.GroupMembership;
import dev.attache.schemas.kafka.AttachmentKeys;

/**
 * The access rules' view of the global stores. Keys start with the tenant, so lookups stay within it. The command
 * processor passes the stores of its context; a lookup, the same stores queried through interactive queries (a global
 * store is complete on every instance).
 */
public record StoreRegistry(ReadOnlyKeyValueStore<String, CalendarShare> shares,
        ReadOnlyKeyValueStore<String, GroupMembership> memberships,
        ReadOnlyKeyValueStore<String, DirectoryEntry> directory) implements Registry {

    @Override
    public CalendarShare share(String tenantId, String ownerId, String calendarId, String granteeId) {
        return shares.get(AttachmentKeys.shareKey(tenantId, ownerId, calendarId, granteeId));
    }

    @Override
    public boolean isMember(String tenantId, String groupId, String memberId) {
        return memberships.get(AttachmentKeys.membershipKey(tenantId, groupId, memberId)) != null;
    }

    @Override
    public String objectIdOf(String tenantId, String userPrincipalName) {
        DirectoryEntry entry = directory.get(AttachmentKeys.directoryKey(tenantId, userPrincipalName));
        // the key is derived from the tenant and name; a record that says otherwise was written under a wrong key
        return entry != null && tenantId.equals(entry.tenantId())
                && userPrincipalName.equalsIgnoreCase(entry.userPrincipalName()) ? entry.objectId() : null;
    }
}
