package dev.attache.schemas.event;

/**
 * A user's membership of a group (topic {@code group-memberships}, compacted, key
 * {@code AttachmentKeys.membershipKey}; schema {@code group-membership.v1.json}), for tokens whose {@code groups}
 * claim does not list every group (Entra caps it). A tombstone ends it.
 */
public record GroupMembership(int schemaVersion, String tenantId, String groupId, String memberId) {

    public static final int SCHEMA_VERSION = 1;
}
