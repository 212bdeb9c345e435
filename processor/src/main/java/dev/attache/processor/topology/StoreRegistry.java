package dev.attache.processor.topology;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import dev.attache.processor.rules.Registry;
import dev.attache.schemas.event.CalendarShare;
import dev.attache.schemas.event.DirectoryEntry;
import dev.attache.schemas.event.GroupMembership;
import dev.attache.schemas.kafka.AttachmentKeys;
import dev.attache.schemas.kafka.CalendarShareSerde;
import dev.attache.schemas.kafka.DirectoryEntrySerde;
import dev.attache.schemas.kafka.GroupMembershipSerde;

/**
 * The access rules' view of the global stores as they were at one instant: shares, memberships and directory entries
 * are kept with every version ({@link RegistryVersions}), so a command is decided with the registry in force at its
 * log-append time, and a replay of the log decides it the same way whatever the registry says today. Keys start
 * with the tenant, so lookups stay within it. Reads that answer a client now use {@link #LATEST}.
 *
 * @param asOf epoch milliseconds: the registry as of this instant
 */
public record StoreRegistry(ReadOnlyKeyValueStore<String, RegistryVersions> shares,
        ReadOnlyKeyValueStore<String, RegistryVersions> memberships,
        ReadOnlyKeyValueStore<String, RegistryVersions> directory, long asOf) implements Registry {

    /** The registry as it is now. */
    public static final long LATEST = Long.MAX_VALUE;

    private static final Deserializer<CalendarShare> SHARES = new CalendarShareSerde().deserializer();
    private static final Deserializer<GroupMembership> MEMBERSHIPS = new GroupMembershipSerde().deserializer();
    private static final Deserializer<DirectoryEntry> DIRECTORY = new DirectoryEntrySerde().deserializer();

    /** The same stores as of {@code time}. */
    public StoreRegistry at(long time) {
        return new StoreRegistry(shares, memberships, directory, time);
    }

    @Override
    public CalendarShare share(String tenantId, String ownerId, String calendarId, String granteeId) {
        return value(shares, AttachmentKeys.shareKey(tenantId, ownerId, calendarId, granteeId), SHARES);
    }

    @Override
    public boolean isMember(String tenantId, String groupId, String memberId) {
        return value(memberships, AttachmentKeys.membershipKey(tenantId, groupId, memberId), MEMBERSHIPS) != null;
    }

    @Override
    public String objectIdOf(String tenantId, String userPrincipalName) {
        DirectoryEntry entry = value(directory, AttachmentKeys.directoryKey(tenantId, userPrincipalName), DIRECTORY);
        // the key is derived from the tenant and name; a record that says otherwise was written under a wrong key
        return entry != null && tenantId.equals(entry.tenantId())
                && userPrincipalName.equalsIgnoreCase(entry.userPrincipalName()) ? entry.objectId() : null;
    }

    private <V> V value(ReadOnlyKeyValueStore<String, RegistryVersions> store, String key,
            Deserializer<V> deserializer) {
        RegistryVersions versions = store.get(key);
        byte[] bytes = versions == null ? null : versions.asOf(asOf);
        if (bytes == null) {
            return null;
        }
        try {
            return deserializer.deserialize(null, bytes);
        } catch (RuntimeException e) {
            // a malformed registry record grants nothing, as a missing one
            return null;
        }
    }
}
