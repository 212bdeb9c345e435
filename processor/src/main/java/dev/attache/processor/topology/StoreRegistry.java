package dev.attache.processor.topology;

import org.apache.kafka.streams.state.VersionedKeyValueStore;
import org.apache.kafka.streams.state.VersionedRecord;

import dev.attache.processor.rules.Registry;
import dev.attache.schemas.event.CalendarShare;
import dev.attache.schemas.event.DirectoryEntry;
import dev.attache.schemas.event.GroupMembership;
import dev.attache.schemas.kafka.AttachmentKeys;

/**
 * The access rules' view of the global stores as they were at one instant: shares, memberships and directory entries
 * are versioned stores (KIP-889), kept with their history, so a command is decided with the registry in force at its
 * log-append time, and a replay of the log decides it the same way whatever the registry says today. Keys start
 * with the tenant, so lookups stay within it. Reads that answer a client now use {@link #LATEST}.
 *
 * @param asOf epoch milliseconds: the registry as of this instant
 */
public record StoreRegistry(VersionedKeyValueStore<String, CalendarShare> shares,
        VersionedKeyValueStore<String, GroupMembership> memberships,
        VersionedKeyValueStore<String, DirectoryEntry> directory, long asOf) implements Registry {

    /** The registry as it is now. */
    public static final long LATEST = Long.MAX_VALUE;

    /** The same stores as of {@code time}. */
    public StoreRegistry at(long time) {
        return new StoreRegistry(shares, memberships, directory, time);
    }

    @Override
    public CalendarShare share(String tenantId, String ownerId, String calendarId, String granteeId) {
        return value(shares.get(AttachmentKeys.shareKey(tenantId, ownerId, calendarId, granteeId), asOf));
    }

    @Override
    public boolean isMember(String tenantId, String groupId, String memberId) {
        return value(memberships.get(AttachmentKeys.membershipKey(tenantId, groupId, memberId), asOf)) != null;
    }

    @Override
    public String objectIdOf(String tenantId, String userPrincipalName) {
        DirectoryEntry entry = value(directory.get(AttachmentKeys.directoryKey(tenantId, userPrincipalName), asOf));
        // the key is derived from the tenant and name; a record that says otherwise was written under a wrong key
        return entry != null && tenantId.equals(entry.tenantId())
                && userPrincipalName.equalsIgnoreCase(entry.userPrincipalName()) ? entry.objectId() : null;
    }

    private static <V> V value(VersionedRecord<V> record) {
        return record == null ? null : record.value();
    }
}
