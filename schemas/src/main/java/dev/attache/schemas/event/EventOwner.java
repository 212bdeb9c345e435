package dev.attache.schemas.event;

/**
 * Whose calendar an event is in.
 *
 * @param kind {@link #USER} or {@link #GROUP}
 * @param id the user's object id ({@code oid}) or the group id; for an event created through {@code /users/{upn}}
 *     without a known object id, the UPN as addressed
 * @param upn the user's principal name when known
 */
public record EventOwner(String kind, String id, String upn) {

    public static final String USER = "user";
    public static final String GROUP = "group";
}
