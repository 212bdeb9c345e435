package dev.attache.schemas.event;

/**
 * A user's current user principal name (topic {@code user-directory}, compacted, key
 * {@code AttachmentKeys.directoryKey}; schema {@code directory-entry.v1.json}), published by the directory's system
 * of record. It only resolves {@code /users/{upn}} to an object id: UPNs change and are reassigned, so nothing is
 * authorised on them. A tombstone removes the name.
 */
public record DirectoryEntry(int schemaVersion, String tenantId, String userPrincipalName, String objectId) {

    public static final int SCHEMA_VERSION = 1;
}
