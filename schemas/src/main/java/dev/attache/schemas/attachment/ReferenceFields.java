package dev.attache.schemas.attachment;

/**
 * The beta {@code referenceAttachment} properties. On a command they are as the client sent them (enums in any
 * case); on a record they are canonical (lower-camel enum literals).
 */
public record ReferenceFields(String sourceUrl, String providerType, String permission, Boolean isFolder,
        String thumbnailUrl, String previewUrl) {
}
